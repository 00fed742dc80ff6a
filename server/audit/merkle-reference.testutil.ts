/**
 * Test-only: RFC 9162 §2.1 transcribed literally (recursion over whole leaf lists, no shortcuts), so the
 * fast implementations have an independent reference to agree with. Quadratic on purpose; small trees only.
 */
import { emptyRoot, leafHash, nodeHash, type HashAlgorithm } from './hash.js';

function k(n: number): number {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
}

/** MTH(D[n]) from the RFC's definition. */
export function refRoot(alg: HashAlgorithm, d: readonly Uint8Array[]): Uint8Array {
  if (d.length === 0) return emptyRoot(alg);
  if (d.length === 1) return d[0] as Uint8Array;
  const s = k(d.length);
  return nodeHash(alg, refRoot(alg, d.slice(0, s)), refRoot(alg, d.slice(s)));
}

/** PATH(m, D[n]) from the RFC's definition. */
export function refPath(alg: HashAlgorithm, m: number, d: readonly Uint8Array[]): Uint8Array[] {
  if (d.length <= 1) return [];
  const s = k(d.length);
  return m < s
    ? [...refPath(alg, m, d.slice(0, s)), refRoot(alg, d.slice(s))]
    : [...refPath(alg, m - s, d.slice(s)), refRoot(alg, d.slice(0, s))];
}

/** SUBPROOF(m, D[n], b) from the RFC's definition. */
export function refSubproof(alg: HashAlgorithm, m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [refRoot(alg, d)];
  const s = k(d.length);
  return m <= s
    ? [...refSubproof(alg, m, d.slice(0, s), b), refRoot(alg, d.slice(s))]
    : [...refSubproof(alg, m - s, d.slice(s), false), refRoot(alg, d.slice(0, s))];
}

/** Distinct leaf hashes for tests, the leaf hashes of the strings "<salt>:<i>". */
export function sampleLeaves(alg: HashAlgorithm, n: number, salt = 'leaf'): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => leafHash(alg, new Uint8Array(Buffer.from(`${salt}:${i}`))));
}
