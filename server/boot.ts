import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { migrateOrRefuse } from './db/migrate.js';
import { GridLocator } from './org/grid-locator.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Deps } from './platform/context.js';
import { CryptoBox } from './platform/crypto-box.js';
import { loadDataKey } from './platform/secrets.js';
import { ReferenceData } from './cases/reference-data.js';
import { LiveBus } from './platform/live-bus.js';
import { workTimeFromConfig } from './sla/work-time-config.js';

/** Opens the database, applies (or refuses) migrations and assembles what every route and job needs. */
export async function createDeps(config: Config, clock: Clock = systemClock): Promise<Deps> {
  const box = new CryptoBox(loadDataKey(config));
  const database = await openDatabase(config);
  try {
    await migrateOrRefuse(database, config.JICENG_MIGRATIONS);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { config, database, db: database.db, clock, box, grids: new GridLocator(database.db, clock), work: workTimeFromConfig(config), bus: new LiveBus(database), reference: new ReferenceData(database.db) };
}
