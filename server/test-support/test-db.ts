import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../config.js';
import { openEmbedded, openPostgres, type Database } from '../db/client.js';
import { GridLocator } from '../org/grid-locator.js';
import { ManualClock } from '../platform/clock.js';
import type { Deps } from '../platform/context.js';
import { CryptoBox } from '../platform/crypto-box.js';
import { withDatabase } from './global-setup.js';
import { TEST_DATA_KEY, TEST_EPOCH } from './templates.js';
import { ReferenceData } from '../cases/reference-data.js';
import { LiveBus } from '../platform/live-bus.js';
import { workTimeFromConfig } from '../sla/work-time-config.js';

/** A fresh database for one test file, copied from the migrated template (with the demo county when demo is true). */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  const templates = inject('templates');
  const template = options.demo ? templates.demo : templates.empty;
  if (templates.kind === 'embedded') {
    return openEmbedded(null, new Blob([fs.readFileSync(template)]));
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `${templates.prefix}${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(url, 1);
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.close();
  }
  const database = await openPostgres(withDatabase(url, name), 10);
  return {
    ...database,
    async close() {
      await database.close();
      const again = await openPostgres(url, 1);
      await again.query(`drop database if exists ${name} with (force)`).finally(() => again.close());
    },
  };
}

/** The configuration tests run with: demo mode, quiet logs, a fixed data key. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  // Sessions outlive the manual clock's jumps of days in journey tests.
  return loadConfig({ JICENG_DATA_KEY: TEST_DATA_KEY, LOG_LEVEL: 'silent', JICENG_BACKGROUND: 'false', JICENG_DATA_DIR: '/nonexistent', JICENG_SESSION_HOURS: '2160', ...overrides }, { demo: true });
}

/** Everything a use case needs, on a fresh test database, with a manual clock starting at TEST_EPOCH. */
export async function createTestDeps(options: { demo?: boolean; config?: Record<string, string> } = {}): Promise<Deps & { clock: ManualClock }> {
  const database = await createTestDatabase(options);
  const clock = new ManualClock(TEST_EPOCH);
  const config = testConfig(options.config);
  return { config, database, db: database.db, clock, box: new CryptoBox(TEST_DATA_KEY), grids: new GridLocator(database.db, clock, 0), work: workTimeFromConfig(config), bus: new LiveBus(database), reference: new ReferenceData(database.db) };
}
