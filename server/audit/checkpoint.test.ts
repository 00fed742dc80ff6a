import { createHash, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../platform/errors.js';
import {
  encodeCheckpoint,
  generateSigningKey,
  keyIdOf,
  signCheckpoint,
  verifyCheckpoint,
  type Checkpoint,
} from './checkpoint.js';

const key = generateSigningKey();
const other = generateSigningKey();
const privateKey = createPrivateKey(key.privateKeyPem);

const cp: Checkpoint = {
  treeSize: 42,
  rootHash: '00'.repeat(32),
  timestamp: '2026-11-22T08:00:00.000Z',
  algorithm: 'sm3',
  keyId: key.keyId,
};

describe('checkpoint', () => {
  it('encodes as the signed-note style body', () => {
    // 32 zero bytes are 43 'A's and one '=' in base64.
    const want = `jiceng\n42\n${'A'.repeat(43)}=\ntime 2026-11-22T08:00:00.000Z\nalgorithm sm3\n`;
    expect(Buffer.from(encodeCheckpoint(cp)).toString('utf8')).toBe(want);
  });

  it('keyId is the first 8 bytes of SHA-256 over the DER SPKI', () => {
    const body = key.publicKeyPem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const want = createHash('sha256').update(Buffer.from(body, 'base64')).digest('hex').slice(0, 16);
    expect(keyIdOf(key.publicKeyPem)).toBe(want);
    expect(key.keyId).toBe(want);
    expect(other.keyId).not.toBe(want);
  });

  it('a signed checkpoint verifies', () => {
    const sig = signCheckpoint(cp, privateKey);
    expect(Buffer.from(sig, 'base64')).toHaveLength(64);
    expect(verifyCheckpoint(cp, sig, key.publicKeyPem)).toBe(true);
  });

  it('any change to the checkpoint, the signature or the key fails', () => {
    const sig = signCheckpoint(cp, privateKey);
    const changed: Checkpoint[] = [
      { ...cp, treeSize: 43 },
      { ...cp, rootHash: `01${'00'.repeat(31)}` },
      { ...cp, timestamp: '2026-11-22T08:00:00.001Z' },
      { ...cp, algorithm: 'sha256' },
      { ...cp, keyId: other.keyId },
    ];
    for (const c of changed) expect(verifyCheckpoint(c, sig, key.publicKeyPem)).toBe(false);
    const raw = Buffer.from(sig, 'base64');
    for (let i = 0; i < raw.length; i += 7) {
      const bad = Buffer.from(raw);
      bad[i] = (bad[i] as number) ^ 0x80;
      expect(verifyCheckpoint(cp, bad.toString('base64'), key.publicKeyPem)).toBe(false);
    }
    expect(verifyCheckpoint(cp, sig, other.publicKeyPem)).toBe(false);
    expect(verifyCheckpoint(cp, ` ${sig}`, key.publicKeyPem)).toBe(false);
    expect(verifyCheckpoint(cp, sig, 'not a key')).toBe(false);
    expect(verifyCheckpoint({ ...cp, treeSize: -1 }, sig, key.publicKeyPem)).toBe(false);
  });

  it('another key cannot sign in this key’s name', () => {
    const otherPrivate = createPrivateKey(other.privateKeyPem);
    expect(() => signCheckpoint(cp, otherPrivate)).toThrow(/keyId/);
    const resigned = signCheckpoint({ ...cp, keyId: other.keyId }, otherPrivate);
    expect(verifyCheckpoint({ ...cp, keyId: other.keyId }, resigned, other.publicKeyPem)).toBe(true);
    expect(verifyCheckpoint(cp, resigned, key.publicKeyPem)).toBe(false);
  });

  it('refuses non-Ed25519 keys and malformed checkpoints with bad_request', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const codes = [
      () => signCheckpoint(cp, ec),
      () => encodeCheckpoint({ ...cp, rootHash: 'AB'.repeat(32) }),
      () => encodeCheckpoint({ ...cp, timestamp: '2026-11-22 08:00' }),
      () => encodeCheckpoint({ ...cp, treeSize: 1.5 }),
    ].map((f) => {
      try {
        f();
        return 'no error';
      } catch (e) {
        return isAppError(e) ? e.code : 'other error';
      }
    });
    expect(codes).toEqual(['bad_request', 'bad_request', 'bad_request', 'bad_request']);
  });
});
