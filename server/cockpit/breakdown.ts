import type { Ctx } from '../platform/context.js';
import { aggregate } from './aggregate.js';
import { rangeOf } from './days.js';
import { kpisOf, type KpiName } from './kpis.js';
import { childTopic, groupName, periodOf } from './names.js';
import type { GroupDim } from './planner.js';
import type { CockpitFilters } from './schema.js';
import { scopedFilter } from './scope.js';

type By = 'category' | 'channel' | 'unit' | 'township' | 'village' | 'grid';

/**
 * KPIs per group of one dimension for the period — the league table of units is by=unit sorted by a KPI. Groups
 * with no cases are not listed; groups whose sort KPI is undefined (no denominator) come last.
 */
export async function cockpitBreakdown(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  q: CockpitFilters & { by: By; sort: KpiName; order: 'asc' | 'desc'; limit?: number; medians: boolean },
) {
  const { filter, dims } = await scopedFilter(ctx, q);
  const range = rangeOf(ctx.clock.now(), q.from, q.to);
  const group: GroupDim = q.by === 'category' ? childTopic(filter) : q.by === 'grid' ? 'area' : q.by;
  const [result] = await aggregate(ctx.db, dims, { intervals: [range], filter, groups: [group], hist: q.medians });
  const sign = q.order === 'asc' ? 1 : -1;
  const groups = [...result!]
    .map(([key, t]) => ({ key, name: groupName(dims, group, key), kpis: kpisOf(t, q.medians) }))
    .filter((g) => g.kpis.received !== 0)
    .sort((a, b) => {
      const x = a.kpis[q.sort];
      const y = b.kpis[q.sort];
      if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
      return sign * (x - y) || a.name.localeCompare(b.name);
    });
  return { period: periodOf(range), by: q.by, sort: q.sort, order: q.order, groups: q.limit ? groups.slice(0, q.limit) : groups };
}
