import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../config.js';

/**
 * The master key for personal data. From JICENG_DATA_KEY when set; otherwise, on the embedded database or in demo
 * mode, a key generated once into the data folder (mode 0600). A production server on PostgreSQL must be given one.
 */
export function loadDataKey(config: Config): string {
  if (config.JICENG_DATA_KEY) return config.JICENG_DATA_KEY.toLowerCase();
  if (config.database === 'postgres' && !config.demo) {
    throw new ConfigError(['JICENG_DATA_KEY: required on PostgreSQL outside demo mode (64 hex characters; e.g. `openssl rand -hex 32`)']);
  }
  const file = path.join(config.dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
