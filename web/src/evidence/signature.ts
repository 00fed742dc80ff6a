/**
 * The two Ed25519 signatures of an evidence bundle, checked with WebCrypto: the checkpoint's (the signed tree head,
 * C2SP tlog-checkpoint lines) and the manifest's (the list of the subject's entries). The signed bytes are built
 * exactly as server/audit/checkpoint.ts and bundle-schema.ts build them (docs/EVIDENCE.md).
 */
import { fromBase64, fromHex, pemToDer, toBase64, toHex, utf8 } from './bytes.js';
import { canonicalJson } from './canonical.js';
import type { HashAlgorithm } from './merkle.js';

/** A signed tree head without its signature. */
export interface CheckpointBody {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  algorithm: HashAlgorithm;
  keyId: string;
}

/** What the manifest signature covers. */
export interface ManifestBody {
  algorithm: HashAlgorithm;
  subject: { type: string; id: string };
  treeSize: number;
  rootHash: string;
  leaves: Array<{ leafIndex: number; leafHash: string }>;
  attachments: Array<{ name: string; sha256: string; size: number }>;
}

/** The outcome of a signature check; 'unsupported' when this browser's WebCrypto has no Ed25519. */
export type SignatureStatus = 'valid' | 'invalid' | 'unsupported';

/** The exact bytes a checkpoint signature covers; null when the root is not 64 lowercase hex digits. */
export function checkpointBytes(cp: CheckpointBody): Uint8Array | null {
  const root = fromHex(cp.rootHash);
  if (!root || root.length !== 32) return null;
  return utf8(`jiceng\n${cp.treeSize}\n${toBase64(root)}\ntime ${cp.timestamp}\nalgorithm ${cp.algorithm}\n`);
}

/** The exact bytes the manifest signature covers. */
export function manifestBytes(m: ManifestBody): Uint8Array {
  const body = canonicalJson({
    format: 'jiceng-evidence-v1',
    algorithm: m.algorithm,
    subject: { type: m.subject.type, id: m.subject.id },
    treeSize: m.treeSize,
    rootHash: m.rootHash,
    leaves: m.leaves.map((l) => ({ leafIndex: l.leafIndex, leafHash: l.leafHash })),
    attachments: m.attachments.map((a) => ({ name: a.name, sha256: a.sha256, size: a.size })),
  });
  return utf8(`jiceng-evidence-v1\n${body}`);
}

/** The keyId of a PEM public key: hex of the first 8 bytes of SHA-256 over its DER; null when unreadable. */
export async function keyIdOf(publicKeyPem: string): Promise<string | null> {
  const der = pemToDer(publicKeyPem);
  if (!der) return null;
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', der as Uint8Array<ArrayBuffer>));
  return toHex(hash.subarray(0, 8));
}

/** The Ed25519 key of a PEM for verifying; 'unsupported' when the browser lacks Ed25519, null when unreadable. */
export async function importEd25519(publicKeyPem: string): Promise<CryptoKey | 'unsupported' | null> {
  const der = pemToDer(publicKeyPem);
  if (!der) return null;
  try {
    return await crypto.subtle.importKey('spki', der as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    // NotSupportedError: no Ed25519 in this WebCrypto; DataError: not an Ed25519 key.
    return e instanceof DOMException && e.name === 'NotSupportedError' ? 'unsupported' : null;
  }
}

/** Checks a base64 Ed25519 signature over bytes; only the one canonical spelling of 64 bytes counts. */
export async function verifySignature(key: CryptoKey, signatureB64: string, data: Uint8Array): Promise<boolean> {
  const signature = fromBase64(signatureB64);
  if (!signature || signature.length !== 64 || toBase64(signature) !== signatureB64) return false;
  try {
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}
