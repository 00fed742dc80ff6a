/**
 * The log's hashes (RFC 9162 §2.1.1: leaf H(0x00 ‖ data), node H(0x01 ‖ left ‖ right)) and the inclusion-proof check
 * of §2.1.3.2, for the browser: SM3 from sm3.ts, SHA-256 from WebCrypto. Mirrors server/audit/hash.ts and
 * merkle-verify.ts; like them it never throws on a malformed proof, it just answers false.
 */
import { bytesEqual, concatBytes } from './bytes.js';
import { sm3 } from './sm3.js';

export type HashAlgorithm = 'sm3' | 'sha256';

const HASH_SIZE = 32;

/** The digest of bytes under the log's algorithm. */
export async function digest(alg: HashAlgorithm, data: Uint8Array): Promise<Uint8Array> {
  if (alg === 'sm3') return sm3(data);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
}

/** RFC 9162 leaf hash: H(0x00 ‖ data). */
export function leafHash(alg: HashAlgorithm, data: Uint8Array): Promise<Uint8Array> {
  return digest(alg, concatBytes(Uint8Array.of(0x00), data));
}

/** RFC 9162 interior node hash: H(0x01 ‖ left ‖ right). */
export function nodeHash(alg: HashAlgorithm, left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return digest(alg, concatBytes(Uint8Array.of(0x01), left, right));
}

const isHash = (h: unknown): h is Uint8Array => h instanceof Uint8Array && h.length === HASH_SIZE;
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const odd = (n: number): boolean => n % 2 === 1;
// Arithmetic halving: bit operators would truncate sizes beyond 2^32.
const half = (n: number): number => Math.floor(n / 2);

/** True when `proof` shows that `leaf` is leaf `index` of the tree of `treeSize` leaves whose root is `root`. */
export async function verifyInclusion(
  alg: HashAlgorithm,
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (!isHash(leaf) || !isHash(root) || !isCount(index) || !isCount(treeSize) || !proof.every(isHash)) return false;
  if (index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = await nodeHash(alg, p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await nodeHash(alg, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(r, root);
}
