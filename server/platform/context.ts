import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import type { GridLocator } from '../org/grid-locator.js';
import type { Actor } from './actor.js';
import type { RequestMeta } from './audit.js';
import type { Clock } from './clock.js';
import type { CryptoBox } from './crypto-box.js';

/** What the server builds once at boot and hands to every route and background job. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  box: CryptoBox;
  grids: GridLocator;
}

/** What a use case receives: the shared dependencies, who is acting, and the request it came from. */
export interface Ctx extends Deps {
  actor: Actor;
  meta?: RequestMeta;
}
