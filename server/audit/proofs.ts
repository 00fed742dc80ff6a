/**
 * The log's public answers: the latest signed checkpoint with its public key, and inclusion and consistency proofs
 * read from the stored nodes (O(log n) rows each). Proofs name no entry content, so any signed-in user may ask.
 */
import type { Db } from '../db/client.js';
import { AppError } from '../platform/errors.js';
import { emptyRoot, toHex } from './hash.js';
import { latestCheckpoint, publicKeyOf, sequencedSize, storedTree, type StoredCheckpoint } from './log-store.js';
import { consistencyProof, consistencyProofRanges, inclusionProof, inclusionProofRanges, treeRoot, type LeafRange } from './merkle.js';
import type { EvidenceDeps } from './sequencer.js';

/** The latest checkpoint with the public key that checks it, or not_found before the first one. */
export async function latestCheckpointView(db: Db): Promise<StoredCheckpoint & { publicKey: string }> {
  const cp = await latestCheckpoint(db);
  const publicKey = cp ? await publicKeyOf(db, cp.keyId) : null;
  if (!cp || !publicKey) throw new AppError('not_found', '尚无签名检查点 (no checkpoint has been signed yet)');
  return { ...cp, publicKey };
}

async function checkedSize(db: Db, name: string, size: number): Promise<void> {
  const available = await sequencedSize(db);
  if (size > available) {
    throw new AppError('bad_request', `${name} 超出日志大小 ${available} (${name} ${size} exceeds the log size ${available})`, { [name]: size, available });
  }
}

/** The inclusion proof of leaf seq in the tree of treeSize leaves (default: the latest checkpoint's). */
export async function inclusionAt(deps: Pick<EvidenceDeps, 'db' | 'config'>, seq: number, treeSize?: number) {
  const size = treeSize ?? (await latestCheckpointView(deps.db)).treeSize;
  await checkedSize(deps.db, 'treeSize', size);
  const ranges: LeafRange[] = [[0, size], [seq, seq + 1], ...inclusionProofRanges(seq, size)];
  const tree = await storedTree(deps.db, deps.config.JICENG_AUDIT_HASH, size, ranges);
  return {
    leafIndex: seq,
    treeSize: size,
    leafHash: toHex(tree.rangeHash(seq, seq + 1)),
    rootHash: toHex(treeRoot(tree, size)),
    inclusionProof: inclusionProof(tree, seq, size).map(toHex),
  };
}

/** The consistency proof between the trees of the first `first` and `second` leaves. */
export async function consistencyBetween(deps: Pick<EvidenceDeps, 'db' | 'config'>, first: number, second: number) {
  await checkedSize(deps.db, 'second', second);
  const alg = deps.config.JICENG_AUDIT_HASH;
  const ranges: LeafRange[] = [...(first > 0 ? [[0, first] as const] : []), ...(second > 0 ? [[0, second] as const] : []), ...consistencyProofRanges(first, second)];
  const tree = await storedTree(deps.db, alg, second, ranges);
  return {
    first,
    second,
    firstRoot: toHex(first === 0 ? emptyRoot(alg) : treeRoot(tree, first)),
    secondRoot: toHex(second === 0 ? emptyRoot(alg) : treeRoot(tree, second)),
    consistencyProof: consistencyProof(tree, first, second).map(toHex),
  };
}
