/**
 * The hashes of the tamper-evident trail, as RFC 9162 §2.1.1 defines them: a leaf is H(0x00 || data),
 * an interior node is H(0x01 || left || right) and the empty tree is H(""). The two prefixes keep a leaf
 * from ever being passed off as an interior node (second-preimage defence).
 * SM3 (GB/T 32905) is the national-standard choice; SHA-256 keeps the log checkable with any CT tooling.
 */
import { getHashes, hash } from 'node:crypto';
import { AppError } from '../platform/errors.js';

export type HashAlgorithm = 'sm3' | 'sha256';

/** Every algorithm the trail knows, for schemas and loops. */
export const HASH_ALGORITHMS = ['sm3', 'sha256'] as const satisfies readonly HashAlgorithm[];

/** Both algorithms give 32-byte digests. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);

let sm3Checked = false;

/** Throws unless alg is a known algorithm that this Node's OpenSSL provides. */
export function assertAlgorithm(alg: unknown): asserts alg is HashAlgorithm {
  if (alg === 'sha256') return;
  if (alg !== 'sm3') {
    throw new AppError('bad_request', `不支持的摘要算法 (unsupported hash algorithm): ${String(alg)}`, { alg });
  }
  if (sm3Checked) return;
  // Some OpenSSL builds (FIPS, or compiled with no-sm3) lack SM3; say so instead of failing inside the first hash call.
  if (!getHashes().includes('sm3')) {
    throw new AppError('config_invalid', '本机 OpenSSL 不提供 SM3，请改用 sha256 (SM3 is not available in this OpenSSL)', {
      alg,
    });
  }
  sm3Checked = true;
}

/** Digest of the concatenation of parts. */
export function digest(alg: HashAlgorithm, ...parts: Uint8Array[]): Uint8Array {
  assertAlgorithm(alg);
  // One-shot hash of one buffer: about a third cheaper than createHash for the 65-byte inputs trees are made of.
  return hash(alg, parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts), 'buffer');
}

/** RFC 9162 leaf hash: H(0x00 || data). */
export function leafHash(alg: HashAlgorithm, data: Uint8Array): Uint8Array {
  return digest(alg, LEAF_PREFIX, data);
}

/** RFC 9162 interior node hash: H(0x01 || left || right). */
export function nodeHash(alg: HashAlgorithm, left: Uint8Array, right: Uint8Array): Uint8Array {
  assertAlgorithm(alg);
  const input = Buffer.allocUnsafe(1 + left.length + right.length);
  input[0] = 0x01;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return hash(alg, input, 'buffer');
}

/** Root hash of the empty tree: H(""). */
export function emptyRoot(alg: HashAlgorithm): Uint8Array {
  return digest(alg);
}

/** Lowercase hex of bytes, the form hashes take in JSON and in the database. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

const HEX_RE = /^(?:[0-9a-f]{2})*$/;

/** Bytes of a lowercase hex string; throws bad_request on anything else, so one value has one spelling. */
export function fromHex(hex: string): Uint8Array {
  if (typeof hex !== 'string' || !HEX_RE.test(hex)) {
    throw new AppError('bad_request', '十六进制格式错误 (hex must be lowercase and of even length)', { hex });
  }
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** True when two byte strings are equal (hashes are public, so no constant-time need). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
