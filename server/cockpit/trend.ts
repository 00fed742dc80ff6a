import type { Ctx } from '../platform/context.js';
import { aggregate, emptyTotals } from './aggregate.js';
import { intervalsOf, rangeOf } from './days.js';
import { kpisOf } from './kpis.js';
import { childTopic, groupName, periodOf } from './names.js';
import type { GroupDim } from './planner.js';
import type { CockpitFilters } from './schema.js';
import { scopedFilter } from './scope.js';

/**
 * KPIs per day, ISO week or calendar month of the period: one series in all, or one per category (a level below the
 * category filter) or per channel, largest first. Points carry counts, rates and means; medians are left out (null).
 */
export async function cockpitTrend(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>, q: CockpitFilters & { interval: 'day' | 'week' | 'month'; by?: 'category' | 'channel' }) {
  const { filter, dims } = await scopedFilter(ctx, q);
  const range = rangeOf(ctx.clock.now(), q.from, q.to);
  const intervals = intervalsOf(range, q.interval);
  const group: GroupDim | null = q.by === 'channel' ? 'channel' : q.by === 'category' ? childTopic(filter) : null;
  const result = await aggregate(ctx.db, dims, { intervals, filter, groups: group ? [group] : [] });
  const totals = new Map<string, number>();
  for (const map of result) for (const [key, t] of map) totals.set(key, (totals.get(key) ?? 0) + t.v[0]!);
  const keys = group ? [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b)) : [''];
  return {
    period: periodOf(range),
    interval: q.interval,
    by: q.by ?? null,
    intervals: intervals.map(periodOf),
    series: keys.map((key) => ({
      key,
      name: group ? groupName(dims, group, key) : '全部',
      points: result.map((map) => kpisOf(map.get(key) ?? emptyTotals(), false)),
    })),
  };
}
