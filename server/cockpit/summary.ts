import type { Ctx } from '../platform/context.js';
import { aggregate, emptyTotals } from './aggregate.js';
import { previousRange, rangeOf } from './days.js';
import { changeOf, kpisOf } from './kpis.js';
import { periodOf } from './names.js';
import type { CockpitFilters } from './schema.js';
import { scopedFilter } from './scope.js';

/** Every KPI for the period and filters, with the previous period of the same length and the change against it. */
export async function cockpitSummary(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>, q: CockpitFilters) {
  const { filter, dims } = await scopedFilter(ctx, q);
  const range = rangeOf(ctx.clock.now(), q.from, q.to);
  const previous = previousRange(range);
  // One read for both periods: they are consecutive.
  const [before, now] = await aggregate(ctx.db, dims, { intervals: [previous, range], filter, hist: true });
  const kpis = kpisOf(now!.get('') ?? emptyTotals(), true);
  const previousKpis = kpisOf(before!.get('') ?? emptyTotals(), true);
  return { period: periodOf(range), previous: periodOf(previous), kpis, previousKpis, change: changeOf(kpis, previousKpis) };
}
