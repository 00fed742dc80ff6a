/**
 * Subtree hashes from stored complete nodes. Node (level, index) is MTH of leaves [index·2^level,
 * (index+1)·2^level); once written it never changes, so a database can keep them in one append-only table.
 * Every range a proof or a root needs is a right fold of a few such nodes (rangeNodes), so a DB-backed
 * caller fetches those nodes in one query and hands them to treeFromNodes.
 */
import { AppError } from '../platform/errors.js';
import { HASH_SIZE, assertAlgorithm, nodeHash, type HashAlgorithm } from './hash.js';
import { splitPoint, type LeafRange, type SubtreeHashes } from './merkle.js';

/** The address of a complete subtree. */
export interface NodeId {
  level: number;
  index: number;
}

/** Looks up a stored node; undefined when it is not stored. */
export type NodeLookup = (level: number, index: number) => Uint8Array | undefined;

/** The level of a power of two, or -1 for any other number. */
function powerLevel(n: number): number {
  let level = 0;
  for (let p = 1; p <= n; p *= 2, level++) if (p === n) return level;
  return -1;
}

/**
 * The complete nodes whose right fold is MTH(D[start:end]), largest first. Defined for the ranges RFC 9162's
 * recursion produces (every range a root or proof asks for); throws bad_request for other ranges.
 */
export function rangeNodes(start: number, end: number): NodeId[] {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start) {
    throw new AppError('bad_request', `区间无效 (invalid leaf range [${start}, ${end}))`, { start, end });
  }
  const nodes: NodeId[] = [];
  let from = start;
  for (;;) {
    const n = end - from;
    const level = powerLevel(n);
    const width = level >= 0 ? n : splitPoint(n);
    if (from % width !== 0) {
      throw new AppError('bad_request', `区间不是证明所用形状 (range [${start}, ${end}) is not proof-shaped)`, {
        start,
        end,
      });
    }
    nodes.push({ level: level >= 0 ? level : powerLevel(width), index: from / width });
    if (level >= 0) return nodes;
    from += width;
  }
}

/** Every node the given ranges need, without repeats: what a DB-backed caller fetches before building proofs. */
export function nodesForRanges(ranges: readonly LeafRange[]): NodeId[] {
  const seen = new Map<string, NodeId>();
  for (const [start, end] of ranges) {
    for (const id of rangeNodes(start, end)) seen.set(`${id.level}:${id.index}`, id);
  }
  return [...seen.values()];
}

/** MTH of a range from the hashes of its rangeNodes, in the same order. */
export function foldNodes(alg: HashAlgorithm, hashes: readonly Uint8Array[]): Uint8Array {
  let acc = hashes.at(-1);
  if (acc === undefined) throw new AppError('bad_request', 'foldNodes needs at least one node');
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(alg, hashes[i] as Uint8Array, acc);
  return acc;
}

/** A SubtreeHashes source over `size` leaves backed by stored complete nodes. */
export function treeFromNodes(alg: HashAlgorithm, size: number, getNode: NodeLookup): SubtreeHashes {
  assertAlgorithm(alg);
  const node = (level: number, index: number): Uint8Array => {
    const hash = getNode(level, index);
    if (hash === undefined || hash.length !== HASH_SIZE) {
      throw new AppError('integrity_violation', `缺少默克尔树节点 (missing Merkle node level ${level} index ${index})`, {
        level,
        index,
      });
    }
    return hash;
  };
  // MTH's own recursion; aligned power-of-two ranges stop at a stored node, so proof ranges cost O(log n).
  const hashRange = (start: number, end: number): Uint8Array => {
    const n = end - start;
    const level = powerLevel(n);
    if (level >= 0 && start % n === 0) return node(level, start / n);
    const k = splitPoint(n);
    return nodeHash(alg, hashRange(start, start + k), hashRange(start + k, end));
  };
  return {
    algorithm: alg,
    size,
    rangeHash(start, end) {
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start || end > size) {
        throw new AppError('bad_request', `区间超出树 (range [${start}, ${end}) outside a tree of ${size})`, {
          start,
          end,
          size,
        });
      }
      return hashRange(start, end);
    },
  };
}

/** An in-memory tree over leaf hashes: O(n) to build (2n hashes kept), then O(log n) per proof range. */
export function memoryTree(alg: HashAlgorithm, leaves: readonly Uint8Array[]): SubtreeHashes {
  assertAlgorithm(alg);
  if (leaves.some((l) => l.length !== HASH_SIZE)) {
    throw new AppError('bad_request', `叶子哈希长度应为 ${HASH_SIZE} 字节 (leaf hashes must be ${HASH_SIZE} bytes)`);
  }
  const levels: Uint8Array[][] = [[...leaves]];
  for (let below = levels[0] as Uint8Array[]; below.length >= 2; ) {
    const above: Uint8Array[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) {
      above.push(nodeHash(alg, below[i] as Uint8Array, below[i + 1] as Uint8Array));
    }
    levels.push(above);
    below = above;
  }
  return treeFromNodes(alg, leaves.length, (level, index) => levels[level]?.[index]);
}
