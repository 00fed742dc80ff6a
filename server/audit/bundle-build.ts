/**
 * Assembling an evidence bundle for one subject. The caller (the export use case) supplies the subject's
 * entries, a signed checkpoint covering them and a SubtreeHashes source (memoryTree, or treeFromNodes over
 * the nodes that nodesForRanges(bundleRanges(...)) names); this computes the proofs and signs the manifest.
 */
import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import { AppError } from '../platform/errors.js';
import { BUNDLE_FORMAT, encodeManifest, referencedAttachments, type EvidenceBundle } from './bundle-schema.js';
import { entryLeafHash } from './canonical.js';
import { verifyCheckpoint, type Checkpoint } from './checkpoint.js';
import type { AuditEntry } from './entry.js';
import { toHex } from './hash.js';
import { inclusionProof, inclusionProofRanges, treeRoot, type LeafRange, type SubtreeHashes } from './merkle.js';

/** What buildBundle needs. */
export interface BundleInput {
  subject: { type: string; id: string };
  /** All entries of the subject up to checkpoint.treeSize, in log order. */
  entries: readonly AuditEntry[];
  tree: SubtreeHashes;
  checkpoint: Checkpoint;
  checkpointSignature: string;
  /** The Ed25519 key that signed the checkpoint; it signs the manifest too. */
  privateKey: KeyObject;
}

/** The leaf ranges a bundle needs: the root of the checkpoint tree and every entry's proof. */
export function bundleRanges(seqs: readonly number[], treeSize: number): LeafRange[] {
  const ranges: LeafRange[] = treeSize > 0 ? [[0, treeSize]] : [];
  for (const seq of seqs) ranges.push(...inclusionProofRanges(seq, treeSize));
  return ranges;
}

/** Builds and signs the evidence bundle of one subject; throws if the inputs do not agree with each other. */
export function buildBundle(input: BundleInput): EvidenceBundle {
  const { subject, entries, tree, checkpoint, checkpointSignature, privateKey } = input;
  const alg = checkpoint.algorithm;
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  if (tree.algorithm !== alg) {
    throw new AppError('bad_request', `树与检查点算法不同 (tree uses ${tree.algorithm}, checkpoint ${alg})`);
  }
  if (!verifyCheckpoint(checkpoint, checkpointSignature, publicKey)) {
    throw new AppError('integrity_violation', '检查点签名无效 (checkpoint signature does not verify with this key)');
  }
  if (toHex(treeRoot(tree, checkpoint.treeSize)) !== checkpoint.rootHash) {
    throw new AppError('integrity_violation', '存储的树与检查点根哈希不符 (stored tree does not match the checkpoint root)');
  }
  let previous = -1;
  for (const e of entries) {
    if (e.subjectType !== subject.type || e.subjectId !== subject.id) {
      throw new AppError('bad_request', `条目 ${e.seq} 不属于该对象 (entry ${e.seq} is about another subject)`);
    }
    if (e.seq <= previous) throw new AppError('bad_request', `条目须按序号递增 (entries must ascend by seq at ${e.seq})`);
    previous = e.seq;
  }
  const proven = entries.map((entry) => ({
    entry,
    leafIndex: entry.seq,
    leafHash: entryLeafHash(alg, entry),
    inclusionProof: inclusionProof(tree, entry.seq, checkpoint.treeSize).map(toHex),
  }));
  const attachments = referencedAttachments(entries);
  const manifest = encodeManifest({
    algorithm: alg,
    subject,
    treeSize: checkpoint.treeSize,
    rootHash: checkpoint.rootHash,
    leaves: proven.map((p) => ({ leafIndex: p.leafIndex, leafHash: toHex(p.leafHash) })),
    attachments,
  });
  return {
    format: BUNDLE_FORMAT,
    algorithm: alg,
    subject: { type: subject.type, id: subject.id },
    entries: proven.map(({ entry, leafIndex, inclusionProof: proof }) => ({ entry, leafIndex, inclusionProof: proof })),
    checkpoint: { ...checkpoint, signature: checkpointSignature },
    manifestSignature: sign(null, manifest, privateKey).toString('base64'),
    publicKey,
    attachments,
  };
}
