import type { Database } from '../db/client.js';
import { seedDemoCounty } from '../org/seed-demo.js';
import { ManualClock } from '../platform/clock.js';
import { CryptoBox } from '../platform/crypto-box.js';

/** The data key of every test database (test data only). */
export const TEST_DATA_KEY = '7e57'.repeat(16);

/** The moment test data is seeded at: a Monday morning in Beijing. */
export const TEST_EPOCH = '2026-11-16T01:00:00.000Z';

/** Loads the demo county into a freshly migrated template database. */
export async function prepareTemplate(database: Database): Promise<void> {
  await seedDemoCounty({ db: database.db, clock: new ManualClock(TEST_EPOCH), box: new CryptoBox(TEST_DATA_KEY) });
}
