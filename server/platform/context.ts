import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import type { GridLocator } from '../org/grid-locator.js';
import type { WorkCalendar } from '../sla/calendar.js';
import type { OfficeHours } from '../sla/office-hours.js';
import type { Actor } from './actor.js';
import type { RequestMeta } from './audit.js';
import type { Clock } from './clock.js';
import type { LiveBus } from './live-bus.js';
import type { CryptoBox } from './crypto-box.js';
import type { ReferenceData } from '../cases/reference-data.js';

/** What the server builds once at boot and hands to every route and background job. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  box: CryptoBox;
  grids: GridLocator;
  /** The working-time calendar and office hours that deadlines are counted in. */
  work: { calendar: WorkCalendar; hours: OfficeHours };
  /** Live updates to server-sent-event streams, across instances on PostgreSQL. */
  bus: LiveBus;
  /** Categories, deadline policies, dispatch rules, units and dispatch settings, cached and versioned. */
  reference: ReferenceData;
}

/** What a use case receives: the shared dependencies, who is acting, and the request it came from. */
export interface Ctx extends Deps {
  actor: Actor;
  meta?: RequestMeta;
}
