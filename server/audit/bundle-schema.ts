/**
 * The evidence bundle (format jiceng-evidence-v1): everything needed to check, offline and without the
 * database, that a subject's audit entries are in the log the platform signed. See docs/EVIDENCE.md.
 *
 * Besides the signed checkpoint, the bundle carries a manifest signature by the same key over
 *
 *   UTF-8("jiceng-evidence-v1\n") || UTF-8(CJSON(manifest))
 *   manifest = { format, algorithm, subject, treeSize, rootHash,
 *                leaves: [{ leafIndex, leafHash (hex) }] in bundle order, attachments }
 *
 * (CJSON as in canonical.ts). The checkpoint proves each entry is in the log; only the manifest makes the
 * platform answer for the entry list being complete, so a removed or reordered entry is caught too.
 */
import { z } from 'zod';
import { canonicalJson } from './canonical.js';
import { checkpointSchema } from './checkpoint.js';
import { attachmentRefSchema, type AttachmentRef } from './entry.js';
import { HASH_ALGORITHMS, type HashAlgorithm } from './hash.js';

/** The format tag of version 1 bundles. */
export const BUNDLE_FORMAT = 'jiceng-evidence-v1';

const hex32 = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制 (must be 64 lowercase hex digits)');
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, '应为 base64 (must be standard base64)');

/** The zod schema of a bundle; entries stay `unknown` here so each is checked and reported by its leafIndex. */
export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  algorithm: z.enum(HASH_ALGORITHMS),
  subject: z.strictObject({ type: z.string().min(1), id: z.string().min(1) }),
  entries: z.array(
    z.strictObject({
      entry: z.unknown(),
      leafIndex: z.number().int().nonnegative().refine(Number.isSafeInteger, 'not a safe integer'),
      inclusionProof: z.array(hex32),
    }),
  ),
  checkpoint: checkpointSchema.extend({ signature: base64 }),
  manifestSignature: base64,
  publicKey: z.string().includes('BEGIN PUBLIC KEY', { message: '应为 PEM 公钥 (must be a PEM public key)' }),
  attachments: z.array(attachmentRefSchema),
});

/** An evidence bundle as it travels (JSON). */
export type EvidenceBundle = z.infer<typeof bundleSchema>;

/** The fields the manifest signature covers. */
export interface BundleManifest {
  algorithm: HashAlgorithm;
  subject: { type: string; id: string };
  treeSize: number;
  rootHash: string;
  leaves: Array<{ leafIndex: number; leafHash: string }>;
  attachments: AttachmentRef[];
}

const MANIFEST_TAG = `${BUNDLE_FORMAT}\n`;

/** The exact bytes the manifest signature covers. */
export function encodeManifest(m: BundleManifest): Uint8Array {
  const body = canonicalJson({
    format: BUNDLE_FORMAT,
    algorithm: m.algorithm,
    subject: { type: m.subject.type, id: m.subject.id },
    treeSize: m.treeSize,
    rootHash: m.rootHash,
    leaves: m.leaves.map((l) => ({ leafIndex: l.leafIndex, leafHash: l.leafHash })),
    attachments: m.attachments.map((a) => ({ name: a.name, sha256: a.sha256, size: a.size })),
  });
  return new Uint8Array(Buffer.from(MANIFEST_TAG + body, 'utf8'));
}

/** The attachments a list of entries references, each (name, sha256, size) once, in order of first mention. */
export function referencedAttachments(entries: ReadonlyArray<{ attachments: AttachmentRef[] | null }>): AttachmentRef[] {
  const seen = new Map<string, AttachmentRef>();
  for (const e of entries) {
    for (const a of e.attachments ?? []) seen.set(attachmentKey(a), { name: a.name, sha256: a.sha256, size: a.size });
  }
  return [...seen.values()];
}

/** One string per distinct attachment reference. */
export function attachmentKey(a: AttachmentRef): string {
  return JSON.stringify([a.sha256, a.size, a.name]);
}
