import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { cockpitMeasures } from '../db/schema/cockpit.js';
import { cubeQuery, fineHistQuery, fineQuery } from './aggregate-sql.js';
import { addInto, Histogram } from './buckets.js';
import { addBytes } from './hist-bytes.js';
import { decompose, type DayRange } from './days.js';
import type { Dims } from './dims.js';
import { rowsOf } from '../db/rows.js';
import { pickSource, type DimFilter, type GroupDim } from './planner.js';

/** Sums of every measure (cockpitMeasures order) and the two minute histograms, for one group in one interval. */
export interface Totals {
  v: number[];
  accept: Histogram;
  resolve: Histogram;
}

/** Totals of nothing. */
export function emptyTotals(): Totals {
  return { v: cockpitMeasures.map(() => 0), accept: new Histogram(), resolve: new Histogram() };
}

/** A question: consecutive intervals of days (one for a summary, many for a trend), a filter, an optional grouping. */
export interface AggRequest {
  intervals: DayRange[];
  filter: DimFilter;
  /** Group by these dimensions (keys joined by '|'); none: one group ''. */
  groups?: GroupDim[];
  /** Whether the minute histograms are needed (medians); they cost more to read. */
  hist?: boolean;
}

/** Per interval, the totals of each group ('' when not grouping). */
export type AggResult = Map<string, Totals>[];

const level = { cat1: 0, cat2: 1, category: 2 } as const;

/**
 * Answers a question from the smallest rollup that can (plus the changes not yet folded into it), or from the per-case
 * facts when no rollup can. Every read of one question runs in one repeatable-read snapshot, so a fold committing
 * meanwhile is seen entirely or not at all.
 */
export async function aggregate(db: Db, dims: Dims, req: AggRequest): Promise<AggResult> {
  const { intervals, filter } = req;
  const groups = req.groups ?? [];
  const result: AggResult = intervals.map(() => new Map());
  if (!intervals.length) return result;
  const from = intervals[0]!.from;
  const to = intervals[intervals.length - 1]!.to;
  const countSource = pickSource(filter, groups, false);
  const histSource = !req.hist ? null : countSource !== 'facts' && countSource.hist ? countSource : pickSource(filter, groups, true);

  const blockInterval = new Map<string, number>();
  const blocks = intervals.flatMap((iv, i) => decompose(iv).map((b) => (blockInterval.set(`${b.level}:${b.block}`, i), b)));
  const dayInterval = (day: number) => {
    let lo = 0;
    let hi = intervals.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (intervals[mid]!.to < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // The per-case tables group categories by the case's own category; map each to the level asked for.
  const mapped = groups.map((g) => (g in level ? level[g as keyof typeof level] : -1));
  const groupKey = (g: string, fine: boolean) =>
    !fine || mapped.every((m) => m < 0) ? g : g.split('|').map((part, i) => (mapped[i]! >= 0 ? dims.lineage(part)[mapped[i] as 0 | 1 | 2] : part)).join('|');
  const totalsAt = (i: number, g: string) => {
    const map = result[i]!;
    let t = map.get(g);
    if (!t) map.set(g, (t = emptyTotals()));
    return t;
  };
  const addCounts = (t: Totals, row: Record<string, unknown>) => cockpitMeasures.forEach((m, k) => (t.v[k]! += Number(row[m] ?? 0)));

  await db.transaction(
    async (tx) => {
      // Hash aggregates of a few hundred thousand rows stay in memory instead of spilling to disk; and no JIT: it
      // compiles for 50–200 ms whenever a read of the facts is estimated dear, to save a few ms at most.
      await tx.execute(sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
      if (countSource === 'facts') {
        for (const r of await rowsOf<Record<string, unknown>>(tx, fineQuery('cockpit_case_facts', from, to, filter, dims, groups))) {
          addCounts(totalsAt(dayInterval(Number(r.day)), groupKey(String(r.g), true)), r);
        }
      } else {
        const withHist = histSource === countSource;
        for (const r of await rowsOf<Record<string, unknown>>(tx, cubeQuery(countSource, blocks, filter, groups, true, withHist))) {
          const t = totalsAt(blockInterval.get(`${r.level}:${r.block}`)!, String(r.g));
          addCounts(t, r);
          if (withHist) {
            addBytes(t.accept, r.ah as Uint8Array);
            addBytes(t.resolve, r.rh as Uint8Array);
          }
        }
        for (const r of await rowsOf<Record<string, unknown>>(tx, fineQuery('cockpit_deltas', from, to, filter, dims, groups))) {
          addCounts(totalsAt(dayInterval(Number(r.day)), groupKey(String(r.g), true)), r);
        }
      }
      if (histSource && histSource !== 'facts' && histSource !== countSource) {
        for (const r of await rowsOf<Record<string, unknown>>(tx, cubeQuery(histSource, blocks, filter, groups, false, true))) {
          const t = totalsAt(blockInterval.get(`${r.level}:${r.block}`)!, String(r.g));
          addBytes(t.accept, r.ah as Uint8Array);
          addBytes(t.resolve, r.rh as Uint8Array);
        }
      }
      if (histSource) {
        // Facts are complete on their own; rollups need the changes not yet folded into them.
        const table = histSource === 'facts' ? 'cockpit_case_facts' : 'cockpit_deltas';
        for (const r of await rowsOf<{ day: number; g: string; w: 'a' | 'r'; b: number; n: number }>(tx, fineHistQuery(table, from, to, filter, dims, groups))) {
          const t = totalsAt(dayInterval(Number(r.day)), groupKey(String(r.g), true));
          addInto(r.w === 'a' ? t.accept : t.resolve, [[Number(r.b), Number(r.n)]]);
        }
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  // A group can sum to nothing when a change moved its cases away and is not folded yet.
  for (const map of result) for (const [g, t] of map) if (t.v.every((x) => x === 0) && t.accept.isEmpty() && t.resolve.isEmpty()) map.delete(g);
  return result;
}
