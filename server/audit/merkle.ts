/**
 * Merkle tree hash and proof generation of RFC 9162 §2.1. A proof is a list of subtree hashes MTH(D[a:b]);
 * which subtrees depends only on the index and the tree sizes, so the functions here first name the ranges
 * (pure arithmetic) and then ask a SubtreeHashes source for their hashes. An in-memory source is in
 * merkle-nodes.ts; a database keeps the same complete-subtree nodes and answers the same questions, so a
 * proof costs O(log n) node reads however large the log grows.
 */
import { AppError } from '../platform/errors.js';
import { emptyRoot, type HashAlgorithm } from './hash.js';
import { CompactRange } from './merkle-compact.js';

/** A half-open range of leaf indexes [start, end). */
export type LeafRange = readonly [start: number, end: number];

/** A source of subtree hashes MTH(D[start:end]) over a tree of at least `size` leaves. */
export interface SubtreeHashes {
  readonly algorithm: HashAlgorithm;
  readonly size: number;
  rangeHash(start: number, end: number): Uint8Array;
}

/** RFC 9162's k for n > 1: the largest power of two smaller than n. */
export function splitPoint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new AppError('bad_request', `splitPoint needs n >= 2, got ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes in O(n) time and O(log n) memory, so a whole log can be streamed through it. */
export function rootFromLeaves(alg: HashAlgorithm, leaves: Iterable<Uint8Array>): Uint8Array {
  const range = new CompactRange(alg);
  for (const leaf of leaves) range.append(leaf);
  return range.root();
}

/** The root of the first treeSize leaves of a source (the empty-tree hash for 0). */
export function treeRoot(tree: SubtreeHashes, treeSize: number): Uint8Array {
  checkSize(tree, treeSize);
  return treeSize === 0 ? emptyRoot(tree.algorithm) : tree.rangeHash(0, treeSize);
}

/** The ranges whose hashes form PATH(index, D[0:treeSize]), RFC 9162 §2.1.3.1, in proof order. */
export function inclusionProofRanges(index: number, treeSize: number): LeafRange[] {
  checkCount('treeSize', treeSize);
  if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) {
    throw new AppError('bad_request', `叶子序号越界 (leaf index ${index} is outside a tree of ${treeSize})`, {
      index,
      treeSize,
    });
  }
  // Walking down from the root meets the siblings outermost first; the proof lists them innermost first.
  const siblings: LeafRange[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      siblings.push([start + k, end]);
      end = start + k;
    } else {
      siblings.push([start, start + k]);
      start += k;
    }
  }
  return siblings.reverse();
}

/**
 * The ranges whose hashes form PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true), RFC 9162 §2.1.4.1.
 * For m = 0 or m = n the proof is empty, as verifyConsistency expects.
 */
export function consistencyProofRanges(m: number, n: number): LeafRange[] {
  checkCount('m', m);
  checkCount('n', n);
  if (m > n) throw new AppError('bad_request', `旧树不能大于新树 (first size ${m} exceeds second size ${n})`, { m, n });
  if (m === 0 || m === n) return [];
  const found: LeafRange[] = [];
  let start = 0;
  let end = n;
  let whole = true; // SUBPROOF's b: the old tree is exactly a subtree we are inside, so its root is known
  for (;;) {
    const size = end - start;
    if (m - start === size) {
      if (!whole) found.push([start, end]);
      break;
    }
    const k = splitPoint(size);
    if (m - start <= k) {
      found.push([start + k, end]);
      end = start + k;
    } else {
      found.push([start, start + k]);
      start += k;
      whole = false;
    }
  }
  return found.reverse();
}

/** The inclusion proof (audit path) of leaf `index` in the tree of the first treeSize leaves. */
export function inclusionProof(tree: SubtreeHashes, index: number, treeSize: number): Uint8Array[] {
  checkSize(tree, treeSize);
  return inclusionProofRanges(index, treeSize).map(([s, e]) => tree.rangeHash(s, e));
}

/** The consistency proof between the trees of the first m and the first n leaves. */
export function consistencyProof(tree: SubtreeHashes, m: number, n: number): Uint8Array[] {
  checkSize(tree, n);
  return consistencyProofRanges(m, n).map(([s, e]) => tree.rangeHash(s, e));
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AppError('bad_request', `${name} 必须是非负安全整数 (${name} must be a non-negative safe integer)`, {
      [name]: value,
    });
  }
}

function checkSize(tree: SubtreeHashes, treeSize: number): void {
  checkCount('treeSize', treeSize);
  if (treeSize > tree.size) {
    throw new AppError('bad_request', `树只有 ${tree.size} 个叶子 (tree has only ${tree.size} leaves, asked ${treeSize})`, {
      treeSize,
      available: tree.size,
    });
  }
}
