/** The evidence API's shapes (server/audit/bundle-schema.ts, routes.ts; docs/EVIDENCE.md "Bundle format"). */
import type { HashAlgorithm } from './merkle.js';

/** An attachment as an entry and the bundle name it: file name, SHA-256 hex, bytes. */
export interface AttachmentRef {
  name: string;
  sha256: string;
  size: number;
}

/** One audit entry: the 13 fields the leaf hash covers. Typed loosely: the page shows what came, the check judges it. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  unitId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  reason: string | null;
  requestId: string | null;
  clientAddress: string | null;
  attachments: AttachmentRef[] | null;
}

/** A signed checkpoint as the bundle carries it. */
export interface BundleCheckpoint {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  algorithm: HashAlgorithm;
  keyId: string;
  signature: string;
}

/** GET /api/cases/:id/evidence: the case's trail with proofs, the signed checkpoint and the key (jiceng-evidence-v1). */
export interface EvidenceBundle {
  format: 'jiceng-evidence-v1';
  algorithm: HashAlgorithm;
  subject: { type: string; id: string };
  entries: Array<{ entry: AuditEntry; leafIndex: number; inclusionProof: string[] }>;
  checkpoint: BundleCheckpoint;
  manifestSignature: string;
  publicKey: string;
  attachments: AttachmentRef[];
}

/** GET /api/audit/checkpoints/latest: the checkpoint the platform publishes, with its key. */
export interface PublishedCheckpoint extends BundleCheckpoint {
  publicKey: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The bundle if its outline is right (the parts the checks walk through), else null: a malformed answer. */
export function readBundle(value: unknown): EvidenceBundle | null {
  if (!isObject(value) || value.format !== 'jiceng-evidence-v1') return null;
  if (value.algorithm !== 'sm3' && value.algorithm !== 'sha256') return null;
  const { subject, entries, checkpoint: cp, attachments } = value;
  if (!isObject(subject) || typeof subject.type !== 'string' || typeof subject.id !== 'string') return null;
  if (!isObject(cp) || !isCount(cp.treeSize) || typeof cp.rootHash !== 'string' || typeof cp.timestamp !== 'string') return null;
  if (typeof cp.algorithm !== 'string' || typeof cp.keyId !== 'string' || typeof cp.signature !== 'string') return null;
  if (typeof value.manifestSignature !== 'string' || typeof value.publicKey !== 'string') return null;
  if (!Array.isArray(entries) || !Array.isArray(attachments)) return null;
  const entriesOk = entries.every(
    (e) => isObject(e) && isObject(e.entry) && isCount(e.leafIndex) && Array.isArray(e.inclusionProof) && e.inclusionProof.every((p) => typeof p === 'string'),
  );
  const attachmentsOk = attachments.every((a) => isObject(a) && typeof a.name === 'string' && typeof a.sha256 === 'string' && isCount(a.size));
  return entriesOk && attachmentsOk ? (value as unknown as EvidenceBundle) : null;
}
