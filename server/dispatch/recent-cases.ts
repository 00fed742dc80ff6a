/**
 * The open cases of the last 30 days, grid by grid, with their MinHash signatures, kept in memory for the duplicate
 * check at intake: a busy grid's 300 candidates would otherwise be read and parsed from the database on every report.
 * A grid is loaded on first use and again after RELOAD_MS; cases this process takes in are added as they are
 * written; an open case the cache does not know (another instance's report, a reopened case) is read by id — the
 * events of one turn of the event loop in one query — and added, so that instances sharing a database do not make
 * each other reload whole grids. Matches are re-read from the database before they are stored
 * (intake-duplicates.ts), so a case closed a moment ago is never offered.
 */
import { and, desc, gte, inArray } from 'drizzle-orm';
import { openStatuses } from '../../common/cases.js';
import type { Db } from '../db/client.js';
import { cases } from '../db/schema/cases.js';
import type { LiveBus, LiveEvent } from '../platform/live-bus.js';
import { signatureOf } from './find-duplicates.js';
import type { MinHashSignature } from './text/minhash.js';
import { MinHashIndex } from './text/minhash-index.js';
import type { CandidateGroup, DuplicateCandidateCase } from './text/near-duplicates.js';

/** A candidate for the duplicate check, in the shape the ranking takes (its text is in the signature). */
export interface RecentCase extends DuplicateCandidateCase {
  number: string;
  gridId: string;
  signature: MinHashSignature;
}

interface GridEntry {
  loadedAt: number;
  cases: RecentCase[];
  /** The same cases by id: a case written or heard of is looked up here, not searched for in `cases`. */
  byId: Map<string, RecentCase>;
  /** The same cases by their signatures' slots, so that a check looks only at those that share one with the report. */
  index: MinHashIndex<RecentCase>;
  /** Set while the grid is being read. */
  loading?: Promise<RecentCase[]>;
}

const RELOAD_MS = 60_000;
const MAX_PER_GRID = 300;
const MAX_GRIDS = 2_000;
const DAY_MS = 86_400_000;
const open = new Set<string>(openStatuses);

/** The cache of one process and database. */
export class RecentCases {
  private readonly grids = new Map<string, GridEntry>();
  /** Open cases in cached grids that this process has not seen (id → grid), to be read together. */
  private unknown = new Map<string, string>();
  /** The reads of those cases, one after another (null when none is due): a check waits for them, so a case heard of
   * before a report is one of its candidates. */
  private reading: Promise<void> | null = null;

  constructor(private readonly db: Db, bus: LiveBus, private readonly maxAgeDays = 30) {
    bus.subscribe((e) => this.onEvent(e));
  }

  /**
   * The cached open cases of these grids received in the `maxAgeDays` before `at` whose signatures share a slot with
   * `signature` — every case whose similarity to it can be above 0 (and a few others) —, grouped by signature: cases
   * with the same text share one signature object and come in one group.
   */
  async sharingSlots(gridIds: readonly string[], at: Date, signature: MinHashSignature): Promise<CandidateGroup<RecentCase>[]> {
    if (this.reading) await this.reading;
    const missing = gridIds.filter((g) => !this.fresh(g));
    if (missing.length) await Promise.all(missing.map((g) => this.grid(g, at)));
    const [from, to] = [at.getTime() - this.maxAgeDays * DAY_MS, at.getTime()];
    const inWindow = (c: RecentCase) => {
      const t = c.createdAt.getTime();
      return t >= from && t <= to;
    };
    const out: CandidateGroup<RecentCase>[] = [];
    // A case is in one grid's index only, and each index visits a signature once: no case is found twice. The groups
    // are copies: the index's lists change as cases come and go.
    for (const g of new Set(gridIds)) {
      this.grids.get(g)?.index.eachSharing(signature, (sig, items) => {
        out.push({ signature: sig, cases: items.every(inWindow) ? items.slice() : items.filter(inWindow) });
      });
    }
    return out;
  }

  /** A grid's cases when they are loaded and recent enough to use. */
  private fresh(gridId: string): RecentCase[] | null {
    const e = this.grids.get(gridId);
    return e && !e.loading && performance.now() - e.loadedAt < RELOAD_MS ? e.cases : null;
  }

  /** Adds a case this process has just written (nothing happens when its grid is not cached). */
  add(c: { id: string; number: string; gridId: string | null; lng: number | null; lat: number | null; receivedAt: Date; title: string; description: string }): void {
    const entry = c.gridId ? this.grids.get(c.gridId) : undefined;
    if (!entry) return;
    // A load in flight may have read the grid before this case committed: add it once the load is in.
    if (entry.loading) return void entry.loading.then(() => this.add(c), () => undefined);
    if (entry.byId.has(c.id)) return;
    const row: RecentCase = { id: c.id, number: c.number, text: '', gridId: c.gridId!, lng: c.lng, lat: c.lat, createdAt: c.receivedAt, signature: signatureOf(c.id, `${c.title} ${c.description}`) };
    // Newest first: a case written here goes first; another instance's or a reopened one may be older.
    const at = entry.cases.findIndex((x) => x.createdAt.getTime() <= c.receivedAt.getTime());
    entry.cases.splice(at < 0 ? entry.cases.length : at, 0, row);
    entry.byId.set(row.id, row);
    // Cases with the same text share one signature object, so the ranking works out their similarity once.
    row.signature = entry.index.add(row, row.signature);
    if (entry.cases.length > MAX_PER_GRID) {
      const oldest = entry.cases.pop()!;
      entry.byId.delete(oldest.id);
      entry.index.remove(oldest, oldest.signature);
    }
  }

  private onEvent(e: LiveEvent): void {
    const gridId = e.areaPath.split('/').filter(Boolean).pop();
    const entry = gridId ? this.grids.get(gridId) : undefined;
    if (!entry || entry.loading) return;
    const known = entry.byId.get(e.id);
    if (!open.has(e.status)) {
      if (known) {
        entry.cases.splice(entry.cases.indexOf(known), 1);
        entry.byId.delete(known.id);
        entry.index.remove(known, known.signature);
      }
    } else if (!known) {
      // A case taken in elsewhere, or reopened: read it (with the others of this turn) and add it.
      // The first case heard of since the last read began: read it (with the others of this turn) after that read.
      if (this.unknown.set(e.id, gridId!).size === 1) {
        const read: Promise<void> = (this.reading ?? Promise.resolve())
          .then(() => new Promise((resolve) => setImmediate(resolve)))
          .then(() => this.readUnknown())
          .finally(() => {
            if (this.reading === read) this.reading = null;
          });
        this.reading = read;
      }
    }
  }

  private async readUnknown(): Promise<void> {
    const unknown = this.unknown;
    this.unknown = new Map();
    const ids = [...unknown.keys()];
    try {
      const rows = await this.db
        .select({ id: cases.id, number: cases.number, gridId: cases.gridId, title: cases.title, description: cases.description, lng: cases.lng, lat: cases.lat, receivedAt: cases.receivedAt })
        .from(cases)
        .where(and(inArray(cases.id, ids), inArray(cases.status, [...openStatuses])));
      for (const r of rows) this.add(r);
    } catch {
      for (const g of unknown.values()) this.grids.delete(g); // could not read them: their grids are read again
    }
  }

  private async grid(gridId: string, at: Date): Promise<RecentCase[]> {
    const entry = this.grids.get(gridId);
    if (entry?.loading) return entry.loading;
    const cached = this.fresh(gridId);
    if (cached) return cached;
    const loading = this.load(gridId, at);
    const slot: GridEntry = { loadedAt: performance.now(), cases: [], byId: new Map(), index: new MinHashIndex(), loading };
    this.grids.delete(gridId); // re-inserted last: the map's order is least recently loaded first
    this.grids.set(gridId, slot);
    if (this.grids.size > MAX_GRIDS) this.grids.delete(this.grids.keys().next().value as string);
    try {
      slot.cases = await loading;
      for (const c of slot.cases) {
        slot.byId.set(c.id, c);
        c.signature = slot.index.add(c, c.signature);
      }
      return slot.cases;
    } catch (e) {
      this.grids.delete(gridId);
      throw e;
    } finally {
      delete slot.loading;
    }
  }

  private async load(gridId: string, at: Date): Promise<RecentCase[]> {
    const rows = await this.db
      .select({ id: cases.id, number: cases.number, title: cases.title, description: cases.description, lng: cases.lng, lat: cases.lat, receivedAt: cases.receivedAt })
      .from(cases)
      .where(and(inArray(cases.gridId, [gridId]), inArray(cases.status, [...openStatuses]), gte(cases.receivedAt, new Date(at.getTime() - this.maxAgeDays * DAY_MS))))
      .orderBy(desc(cases.receivedAt))
      .limit(MAX_PER_GRID);
    return rows.map((r) => ({ id: r.id, number: r.number, text: '', gridId, lng: r.lng, lat: r.lat, createdAt: r.receivedAt, signature: signatureOf(r.id, `${r.title} ${r.description}`) }));
  }
}

const caches = new WeakMap<Db, RecentCases>();

/** The recent-cases cache of a database handle (one per process and database, listening to its live bus). */
export function recentCasesOf(deps: { db: Db; bus: LiveBus }): RecentCases {
  let cache = caches.get(deps.db);
  if (!cache) caches.set(deps.db, (cache = new RecentCases(deps.db, deps.bus)));
  return cache;
}
