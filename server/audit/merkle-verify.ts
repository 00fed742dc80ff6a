/**
 * Proof verification exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 write it. These run on data from outside
 * (evidence bundles, auditors' tools), so they never throw: anything malformed is simply not a proof.
 * Shifts are done with arithmetic, not bit operators, which would truncate sizes beyond 2^32.
 */
import { HASH_SIZE, bytesEqual, emptyRoot, nodeHash, type HashAlgorithm } from './hash.js';

const isHash = (h: unknown): h is Uint8Array => h instanceof Uint8Array && h.length === HASH_SIZE;
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const isHashList = (p: unknown): p is Uint8Array[] => Array.isArray(p) && p.every(isHash);
const odd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/** True when `proof` shows that leafHash is leaf `index` of the tree of treeSize leaves with this root. */
export function verifyInclusion(
  alg: HashAlgorithm,
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isHash(leafHash) || !isHash(root) || !isCount(index) || !isCount(treeSize) || !isHashList(proof)) return false;
  if (index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(alg, p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(alg, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(r, root);
}

/**
 * True when `proof` shows the tree of size m with rootM is a prefix of the tree of size n with rootN.
 * The RFC covers 0 < m < n; for m = n the proof must be empty and the roots equal, and for m = 0 the proof
 * must be empty and rootM the empty-tree hash (every tree extends the empty one).
 */
export function verifyConsistency(
  alg: HashAlgorithm,
  m: number,
  n: number,
  rootM: Uint8Array,
  rootN: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isCount(m) || !isCount(n) || !isHash(rootM) || !isHash(rootN) || !isHashList(proof)) return false;
  if (m > n) return false;
  if (m === 0) return proof.length === 0 && bytesEqual(rootM, emptyRoot(alg));
  if (m === n) return proof.length === 0 && bytesEqual(rootM, rootN);
  if (proof.length === 0) return false;

  // When m is a power of two the old root is itself a node of the new tree, so the proof leaves it out.
  const path = isPowerOfTwo(m) ? [rootM, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(alg, c, fr);
      sr = nodeHash(alg, c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(alg, sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(fr, rootM) && bytesEqual(sr, rootN);
}

function isPowerOfTwo(n: number): boolean {
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}
