import type { Db } from '../db/client.js';
import { grids } from '../db/schema/org.js';
import { polygonArea } from '../org/geometry.js';
import type { Ctx } from '../platform/context.js';
import { aggregate, emptyTotals } from './aggregate.js';
import { rangeOf } from './days.js';
import { kpisOf } from './kpis.js';
import { periodOf } from './names.js';
import type { CockpitFilters } from './schema.js';
import { scopedFilter } from './scope.js';

type Metric = 'cases' | 'density' | 'resolution_rate' | 'overdue' | 'satisfaction';

const KM_PER_DEGREE = 111.32;
const areaCache = new WeakMap<Db, { at: number; km2: Promise<Map<string, number>> }>();

/** Each grid's area in km² (square degrees scaled at the grid's latitude; exact enough for shading). */
function gridAreas(db: Db): Promise<Map<string, number>> {
  const hit = areaCache.get(db);
  if (hit && performance.now() - hit.at < 300_000) return hit.km2;
  const km2 = db
    .select({ id: grids.unitId, boundary: grids.boundary, lat: grids.centroidLat })
    .from(grids)
    .then((rows) => new Map(rows.map((g) => [g.id, polygonArea(g.boundary) * KM_PER_DEGREE ** 2 * Math.cos((g.lat * Math.PI) / 180)])));
  areaCache.set(db, { at: performance.now(), km2 });
  return km2;
}

/**
 * A value per grid for shading the map: cases, cases per km², resolution rate, cases that missed a deadline, or the
 * satisfaction rate — for every grid in reach (grids without cases get 0, or null for rates).
 */
export async function cockpitMap(ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>, q: CockpitFilters & { metric: Metric }) {
  const { filter, dims } = await scopedFilter(ctx, q);
  const range = rangeOf(ctx.clock.now(), q.from, q.to);
  const [[result], km2] = await Promise.all([aggregate(ctx.db, dims, { intervals: [range], filter, groups: ['area'] }), gridAreas(ctx.db)]);
  const placePaths = filter.places.map((p) => dims.units.get(p.id)!.path);
  const items = [...dims.units.values()]
    .filter((u) => u.kind === 'grid' && placePaths.every((p) => u.path.startsWith(p)))
    .map((u) => {
      const k = kpisOf(result!.get(u.id) ?? emptyTotals(), false);
      const ids = u.path.split('/').filter(Boolean);
      const area = km2.get(u.id);
      const value =
        q.metric === 'cases' ? k.received
        : q.metric === 'density' ? (area ? k.received / area : null)
        : q.metric === 'resolution_rate' ? k.resolutionRate
        : q.metric === 'overdue' ? k.overdue
        : k.satisfactionRate;
      return { gridId: u.id, name: u.name, villageId: ids[2] ?? '', townshipId: ids[1] ?? '', value, received: k.received };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const values = items.map((i) => i.value).filter((v): v is number => v !== null);
  return { period: periodOf(range), metric: q.metric, items, min: values.length ? Math.min(...values) : null, max: values.length ? Math.max(...values) : null };
}
