import type { Ctx } from '../platform/context.js';
import { aggregate } from './aggregate.js';
import { previousRange, rangeOf } from './days.js';
import { periodOf } from './names.js';
import type { CockpitFilters } from './schema.js';
import { scopedFilter } from './scope.js';

/**
 * The most reported problems by place: cases per category (the case's own, usually a leaf) and township in the
 * period, with the previous period of the same length and the growth. The text-based hotspots of similar reports
 * live in dispatch/; this is the quick league from the rollups.
 */
export async function cockpitHotspots(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>, q: CockpitFilters & { limit: number }) {
  const { filter, dims } = await scopedFilter(ctx, q);
  const range = rangeOf(ctx.clock.now(), q.from, q.to);
  const previous = previousRange(range);
  const [before, now] = await aggregate(ctx.db, dims, { intervals: [previous, range], filter, groups: ['category', 'township'] });
  const items = [...now!]
    .map(([key, t]) => {
      const [categoryId, townshipId] = key.split('|') as [string, string];
      const previousCount = before!.get(key)?.v[0] ?? 0;
      const count = t.v[0]!;
      const category = dims.categories.get(categoryId);
      return {
        categoryId,
        categoryCode: category?.code ?? '',
        categoryName: category?.name ?? '未分类',
        townshipId,
        townshipName: dims.units.get(townshipId)?.name ?? '未定位',
        count,
        previousCount,
        growth: previousCount > 0 ? (count - previousCount) / previousCount : null,
      };
    })
    .filter((i) => i.count > 0)
    .sort((a, b) => b.count - a.count || (b.growth ?? Infinity) - (a.growth ?? Infinity) || a.categoryCode.localeCompare(b.categoryCode))
    .slice(0, q.limit);
  return { period: periodOf(range), previous: periodOf(previous), items };
}
