import type { Ctx } from '../platform/context.js';
import { aggregate } from './aggregate.js';
import { rangeOf } from './days.js';
import { baseOf, kpisOf, type KpiName } from './kpis.js';
import { childTopic, groupName, periodOf } from './names.js';
import type { GroupDim } from './planner.js';
import { rankGroups } from './ranking.js';
import type { CockpitFilters } from './schema.js';
import { scopedFilter } from './scope.js';

type By = 'category' | 'channel' | 'unit' | 'township' | 'village' | 'grid';

/**
 * KPIs per group of one dimension for the period — the league table of units is by=unit sorted by a KPI. Groups
 * with no cases are not listed. Groups whose sort KPI rests on fewer than minCases cases, or is undefined, are not
 * ranked and come after the ranked ones (ranking.ts).
 */
export async function cockpitBreakdown(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  q: CockpitFilters & { by: By; sort: KpiName; order: 'asc' | 'desc'; limit?: number; medians: boolean; minCases: number },
) {
  const { filter, dims } = await scopedFilter(ctx, q);
  const range = rangeOf(ctx.clock.now(), q.from, q.to);
  const group: GroupDim = q.by === 'category' ? childTopic(filter) : q.by === 'grid' ? 'area' : q.by;
  const [result] = await aggregate(ctx.db, dims, { intervals: [range], filter, groups: [group], hist: q.medians });
  const listed = [...result!]
    .map(([key, t]) => ({ key, name: groupName(dims, group, key), kpis: kpisOf(t, q.medians), base: baseOf(t, q.sort) }))
    .filter((g) => g.kpis.received !== 0);
  const groups = rankGroups(listed, q.sort, q.order, q.minCases).map(({ base: _base, ...g }) => g);
  return { period: periodOf(range), by: q.by, sort: q.sort, order: q.order, minCases: q.minCases, groups: q.limit ? groups.slice(0, q.limit) : groups };
}
