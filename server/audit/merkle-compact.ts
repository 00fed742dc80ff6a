/**
 * A compact range: the O(log n) state needed to append to a Merkle tree and know its root. It is the list
 * of complete subtree hashes covering leaves [0, size), largest first (one per set bit of size). The database
 * writer keeps these (they are the nodes rangeNodes(0, size) names), appends a leaf, stores the nodes the
 * append completed, and gets the new root without reading anything else.
 */
import { AppError } from '../platform/errors.js';
import { HASH_SIZE, assertAlgorithm, emptyRoot, nodeHash, type HashAlgorithm } from './hash.js';

/** A complete subtree: level 0 is a leaf; node (level, index) covers leaves [index·2^level, (index+1)·2^level). */
export interface CompletedNode {
  level: number;
  index: number;
  hash: Uint8Array;
}

/** Number of set bits of a safe integer (bit operators would truncate to 32 bits). */
export function bitCount(n: number): number {
  let count = 0;
  for (let v = n; v > 0; v = Math.floor(v / 2)) count += v % 2;
  return count;
}

/** Appendable Merkle tree state with O(log n) memory. */
export class CompactRange {
  readonly algorithm: HashAlgorithm;
  #size: number;
  #hashes: Uint8Array[];

  /** Starts empty, or resumes from a stored size and its frontier hashes (largest subtree first). */
  constructor(alg: HashAlgorithm, size = 0, hashes: readonly Uint8Array[] = []) {
    assertAlgorithm(alg);
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new AppError('bad_request', `树大小无效 (invalid tree size ${size})`, { size });
    }
    if (hashes.length !== bitCount(size) || hashes.some((h) => h.length !== HASH_SIZE)) {
      throw new AppError('bad_request', `前沿节点数与树大小不符 (frontier does not match tree size ${size})`, {
        size,
        given: hashes.length,
        expected: bitCount(size),
      });
    }
    this.algorithm = alg;
    this.#size = size;
    this.#hashes = [...hashes];
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /** The frontier: complete subtree hashes covering [0, size), largest first. */
  get hashes(): readonly Uint8Array[] {
    return [...this.#hashes];
  }

  /** Appends one leaf hash; returns every node it completed, from the leaf itself upwards. */
  append(leaf: Uint8Array): CompletedNode[] {
    if (leaf.length !== HASH_SIZE) {
      throw new AppError('bad_request', `叶子哈希长度应为 ${HASH_SIZE} 字节 (leaf hash must be ${HASH_SIZE} bytes)`);
    }
    const position = this.#size;
    const completed: CompletedNode[] = [{ level: 0, index: position, hash: leaf }];
    let hash = leaf;
    let level = 0;
    // Each trailing 1 bit of the old size is a subtree of the same height waiting for a right sibling.
    for (let s = position; s % 2 === 1; s = (s - 1) / 2) {
      const left = this.#hashes.pop();
      if (left === undefined) throw new AppError('internal', 'compact range frontier underflow');
      hash = nodeHash(this.algorithm, left, hash);
      level += 1;
      completed.push({ level, index: (position + 1) / 2 ** level - 1, hash });
    }
    this.#hashes.push(hash);
    this.#size = position + 1;
    return completed;
  }

  /** MTH of the leaves appended so far. */
  root(): Uint8Array {
    const last = this.#hashes.at(-1);
    if (last === undefined) return emptyRoot(this.algorithm);
    let root = last;
    for (let i = this.#hashes.length - 2; i >= 0; i--) {
      root = nodeHash(this.algorithm, this.#hashes[i] as Uint8Array, root);
    }
    return root;
  }
}
