import type { Ctx } from '../platform/context.js';
import { aggregate, emptyTotals } from './aggregate.js';
import { dayNumberOf } from './days.js';
import { kpisOf } from './kpis.js';
import type { CockpitFilters } from './schema.js';
import { scopedFilter } from './scope.js';
import { cockpitMeasures } from '../db/schema/cockpit.js';

const at = (m: (typeof cockpitMeasures)[number]) => cockpitMeasures.indexOf(m);

/**
 * Point-in-time counters for the big screen: cases open now, overdue now (open with a red card — the sweeper sets it
 * within JICENG_SWEEP_SECONDS of the deadline), received today and urgent open. Read from the rollups over all days
 * (a few dozen dyadic blocks), so they cost the same at any size.
 */
export async function cockpitLive(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>, q: Omit<CockpitFilters, 'from' | 'to'>) {
  const { filter, dims } = await scopedFilter(ctx, q);
  const now = ctx.clock.now();
  const today = dayNumberOf(now);
  const [earlier, todays] = await aggregate(ctx.db, dims, { intervals: [{ from: 0, to: today - 1 }, { from: today, to: today }], filter });
  const a = earlier!.get('') ?? emptyTotals();
  const b = todays!.get('') ?? emptyTotals();
  const sum = (m: (typeof cockpitMeasures)[number]) => a.v[at(m)]! + b.v[at(m)]!;
  return { asOf: now.toISOString(), openNow: sum('open'), overdueNow: sum('overdue_open'), receivedToday: kpisOf(b, false).received, urgentOpen: sum('open_urgent') };
}
