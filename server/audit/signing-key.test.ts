import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { generateSigningKey } from './checkpoint.js';
import { loadSigningKey, SIGNING_KEY_FILE } from './signing-key.js';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-key-'));

describe('loadSigningKey', () => {
  it('uses the configured PEM, also written on one line with \\n escapes', () => {
    const key = generateSigningKey();
    const config = loadConfig({ JICENG_AUDIT_SIGNING_KEY: key.privateKeyPem.replace(/\n/g, '\\n'), JICENG_DATA_DIR: tempDir() });
    const signer = loadSigningKey(config)!;
    expect(signer.keyId).toBe(key.keyId);
    expect(signer.publicKeyPem).toBe(key.publicKeyPem);
    expect(fs.existsSync(path.join(config.dataDir, SIGNING_KEY_FILE))).toBe(false);
  });

  it('generates a key once into the data folder on the embedded database, readable by its owner only', () => {
    const dir = tempDir();
    const first = loadSigningKey(loadConfig({ JICENG_DATA_DIR: dir }))!;
    const again = loadSigningKey(loadConfig({ JICENG_DATA_DIR: dir }))!;
    expect(again.keyId).toBe(first.keyId);
    expect(fs.statSync(path.join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadSigningKey(loadConfig({ JICENG_DATA_DIR: tempDir() }), { create: false })).toBeNull();
  });

  it('refuses to run a production PostgreSQL deployment without a key, or with a key of another kind', () => {
    const prod = loadConfig({ DATABASE_URL: 'postgres://db/jiceng', JICENG_DATA_DIR: tempDir() });
    expect(() => loadSigningKey(prod)).toThrow(ConfigError);
    expect(() => loadSigningKey(prod)).toThrow(/JICENG_AUDIT_SIGNING_KEY: required on PostgreSQL/);
    const demo = loadConfig({ DATABASE_URL: 'postgres://db/jiceng', JICENG_DATA_DIR: tempDir() }, { demo: true });
    expect(loadSigningKey(demo)?.keyId).toMatch(/^[0-9a-f]{16}$/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadSigningKey(loadConfig({ JICENG_AUDIT_SIGNING_KEY: rsa }))).toThrow(/must be an Ed25519 key/);
    expect(() => loadConfig({ JICENG_AUDIT_SIGNING_KEY: 'secret' })).toThrow(/must be a PEM private key/);
  });
});
