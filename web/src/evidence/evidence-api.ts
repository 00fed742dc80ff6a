import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api.js';
import { casesKey } from '../cases/cases-api.js';
import { toHex } from './bytes.js';
import { readBundle } from './evidence-types.js';
import type { AttachmentRef, EvidenceBundle, PublishedCheckpoint } from './evidence-types.js';
import { verifyEvidenceBundle } from './verify-bundle.js';
import type { BundleCheck } from './verify-bundle.js';

/** A bundle together with the verdict the browser reached on it. */
export interface CheckedEvidence {
  bundle: EvidenceBundle;
  check: BundleCheck;
}

/** The server answered something that is not an evidence bundle. */
export class MalformedBundleError extends Error {
  constructor() {
    super('malformed evidence bundle');
    this.name = 'MalformedBundleError';
  }
}

const evidenceKey = (caseId: string) => [...casesKey, 'detail', caseId, 'evidence'] as const;

/**
 * The case's evidence bundle, checked in the browser. Keyed under the case's detail key, so a live change of the case
 * reads it again (the server sequences and signs the new entries first).
 */
export function useCaseEvidence(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: evidenceKey(caseId),
    enabled,
    queryFn: async ({ signal }): Promise<CheckedEvidence> => {
      const bundle = readBundle(await api<unknown>(`/api/cases/${encodeURIComponent(caseId)}/evidence`, { signal }));
      if (!bundle) throw new MalformedBundleError();
      return { bundle, check: await verifyEvidenceBundle(bundle) };
    },
    staleTime: 60_000,
  });
}

/** The checkpoint the platform publishes, to compare the bundle's key with. */
export function usePublishedCheckpoint(enabled: boolean) {
  return useQuery({
    queryKey: ['audit', 'checkpoint', 'latest'],
    enabled,
    queryFn: ({ signal }) => api<PublishedCheckpoint>('/api/audit/checkpoints/latest', { signal }),
    staleTime: 60_000,
  });
}

/** The outcome of hashing a downloaded attachment against the hash and size the trail recorded. */
export type FileCheck = 'ok' | 'bad' | 'error';

/** Downloads each attachment the bundle lists and compares its SHA-256 and size with the recorded ones. */
export function useAttachmentChecks(caseId: string, files: readonly AttachmentRef[] | undefined) {
  return useQuery({
    queryKey: [...evidenceKey(caseId), 'files', files?.map((f) => f.sha256).join(',')],
    enabled: files !== undefined && files.length > 0,
    queryFn: async ({ signal }) => {
      const result: Record<string, FileCheck> = {};
      // One at a time: a case has a few photos, and a phone on a slow line should not fetch them all at once.
      for (const f of files ?? []) {
        try {
          const response = await fetch(`/api/cases/${encodeURIComponent(caseId)}/evidence/attachments/${f.sha256}`, { credentials: 'same-origin', signal });
          if (!response.ok) throw new Error(String(response.status));
          const bytes = new Uint8Array(await response.arrayBuffer());
          const hash = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
          result[f.sha256] = hash === f.sha256 && bytes.length === f.size ? 'ok' : 'bad';
        } catch (e) {
          if (signal.aborted) throw e;
          result[f.sha256] = 'error';
        }
      }
      return result;
    },
    staleTime: Infinity,
  });
}

/** The bundle's file name as the page offers it: 存证-<case number>.json. */
export function bundleFilename(caseNumber: string): string {
  return `存证-${caseNumber}.json`;
}

/** Saves the bundle as a JSON file through a temporary link (the browser's own download, no server round trip). */
export function downloadBundle(bundle: EvidenceBundle, caseNumber: string): void {
  const blob = new Blob([`${JSON.stringify(bundle, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = bundleFilename(caseNumber);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
