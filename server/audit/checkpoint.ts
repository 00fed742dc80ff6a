/**
 * Checkpoints: the log's signed statement "my first treeSize entries have this root", after the C2SP
 * signed-note checkpoint (https://c2sp.org/tlog-checkpoint). The signed body is exactly these lines, each
 * ending in "\n":
 *
 *   jiceng                       origin
 *   <treeSize>                   decimal, no leading zeros
 *   <base64 of the 32-byte root> standard alphabet with padding
 *   time <timestamp>             ISO-8601 UTC with milliseconds
 *   algorithm <sm3|sha256>       the hash the tree uses
 *
 * The signature is Ed25519 (RFC 8032) over those bytes, carried as standard base64. The key is named by
 * keyId = hex of the first 8 bytes of SHA-256 of its DER SubjectPublicKeyInfo.
 */
import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../platform/errors.js';
import { isIsoInstant } from './entry.js';
import { HASH_ALGORITHMS, fromHex, type HashAlgorithm } from './hash.js';

/** The origin line: which log this is. */
export const CHECKPOINT_ORIGIN = 'jiceng';

/** A signed tree head, without its signature. */
export interface Checkpoint {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  algorithm: HashAlgorithm;
  keyId: string;
}

/** The zod schema of a checkpoint (the bundle schema extends it with the signature). */
export const checkpointSchema = z.strictObject({
  treeSize: z.number().int().nonnegative().refine(Number.isSafeInteger, 'not a safe integer'),
  rootHash: z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制 (must be 64 lowercase hex digits)'),
  timestamp: z.string().refine(isIsoInstant, '应为带毫秒的 UTC ISO 时间 (must be like 2026-11-22T08:00:00.000Z)'),
  algorithm: z.enum(HASH_ALGORITHMS),
  keyId: z.string().regex(/^[0-9a-f]{16}$/, '应为 16 位小写十六进制 (must be 16 lowercase hex digits)'),
});

/** A key pair for signing checkpoints, as PEM (PKCS#8 private, SPKI public), with its keyId. */
export interface SigningKey {
  publicKeyPem: string;
  privateKeyPem: string;
  keyId: string;
}

/** The exact bytes a checkpoint signature covers; throws bad_request on a malformed checkpoint. */
export function encodeCheckpoint(cp: Checkpoint): Uint8Array {
  const parsed = checkpointSchema.safeParse(cp);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request', `检查点格式错误 (invalid checkpoint) at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const root = Buffer.from(fromHex(cp.rootHash)).toString('base64');
  const text = `${CHECKPOINT_ORIGIN}\n${cp.treeSize}\n${root}\ntime ${cp.timestamp}\nalgorithm ${cp.algorithm}\n`;
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/** A new Ed25519 key pair for checkpoint signing. */
export function generateSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { publicKeyPem, privateKeyPem, keyId: keyIdOf(publicKeyPem) };
}

/** The keyId of a public key: hex of the first 8 bytes of SHA-256 over its DER SPKI. */
export function keyIdOf(publicKey: string | KeyObject): string {
  let key: KeyObject;
  try {
    key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  } catch {
    throw new AppError('bad_request', '公钥格式错误 (public key is not a valid PEM)');
  }
  const der = key.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest().subarray(0, 8).toString('hex');
}

/** Signs a checkpoint with its Ed25519 private key; returns the signature as base64. */
export function signCheckpoint(cp: Checkpoint, privateKey: KeyObject): string {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new AppError('bad_request', '签名密钥必须是 Ed25519 私钥 (checkpoint key must be an Ed25519 private key)');
  }
  const body = encodeCheckpoint(cp);
  // A checkpoint naming another key would fail every later verification; refuse it here instead.
  const ownId = keyIdOf(createPublicKey(privateKey));
  if (ownId !== cp.keyId) {
    throw new AppError('bad_request', `检查点 keyId 与签名密钥不符 (keyId ${cp.keyId} is not this key's ${ownId})`);
  }
  return sign(null, body, privateKey).toString('base64');
}

/** True when signatureB64 is a valid signature of cp by the key in publicKeyPem, and cp.keyId names that key. */
export function verifyCheckpoint(cp: Checkpoint, signatureB64: string, publicKeyPem: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519' || keyIdOf(key) !== cp.keyId) return false;
    const signature = Buffer.from(signatureB64, 'base64');
    // Buffer.from ignores junk in base64; insist on the one canonical spelling of a 64-byte signature.
    if (signature.length !== 64 || signature.toString('base64') !== signatureB64) return false;
    return verify(null, encodeCheckpoint(cp), key, signature);
  } catch {
    return false;
  }
}
