/**
 * The Ed25519 key that signs checkpoints and evidence manifests. From JICENG_AUDIT_SIGNING_KEY when set; otherwise,
 * on the embedded database or in demo mode, a key generated once into the data folder (mode 0600), as
 * platform/secrets.ts does for the data key. A production server on PostgreSQL must be given one: a key made up on
 * each of several servers would fork the log's signatures.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../config.js';
import { generateSigningKey, keyIdOf } from './checkpoint.js';

/** The loaded signing key: the private half for signing, the public half and its keyId for publishing. */
export interface AuditSigner {
  keyId: string;
  publicKeyPem: string;
  privateKey: KeyObject;
}

/** The file in the data folder that holds the generated key. */
export const SIGNING_KEY_FILE = 'audit-signing.key';

const cache = new WeakMap<Config, AuditSigner>();

function signerOf(pem: string, where: string): AuditSigner {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new ConfigError([`${where}: not a readable PEM private key`]);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError([`${where}: must be an Ed25519 key (\`openssl genpkey -algorithm ed25519\`), got ${privateKey.asymmetricKeyType}`]);
  }
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { keyId: keyIdOf(publicKeyPem), publicKeyPem, privateKey };
}

/**
 * The deployment's signing key; with create false, null instead of generating one (a verifier must not invent the
 * key it checks against). Throws ConfigError on PostgreSQL outside demo mode when no key is configured.
 */
export function loadSigningKey(config: Config, options: { create?: boolean } = {}): AuditSigner | null {
  const cached = cache.get(config);
  if (cached) return cached;
  let signer: AuditSigner | null = null;
  if (config.JICENG_AUDIT_SIGNING_KEY) {
    // Environment files often carry a PEM on one line with literal \n.
    signer = signerOf(config.JICENG_AUDIT_SIGNING_KEY.replace(/\\n/g, '\n'), 'JICENG_AUDIT_SIGNING_KEY');
  } else if (config.database === 'postgres' && !config.demo) {
    throw new ConfigError([
      'JICENG_AUDIT_SIGNING_KEY: required on PostgreSQL outside demo mode (an Ed25519 PEM private key; e.g. `openssl genpkey -algorithm ed25519`)',
    ]);
  } else {
    const file = path.join(config.dataDir, SIGNING_KEY_FILE);
    if (fs.existsSync(file)) {
      signer = signerOf(fs.readFileSync(file, 'utf8'), file);
    } else if (options.create !== false) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      const key = generateSigningKey();
      fs.writeFileSync(file, key.privateKeyPem, { mode: 0o600, flag: 'wx' });
      signer = signerOf(key.privateKeyPem, file);
    }
  }
  if (signer) cache.set(config, signer);
  return signer;
}

/** The signing key, which signing needs: like loadSigningKey, but never null. */
export function requireSigningKey(config: Config): AuditSigner {
  const signer = loadSigningKey(config);
  if (!signer) throw new ConfigError(['JICENG_AUDIT_SIGNING_KEY: no checkpoint signing key']);
  return signer;
}
