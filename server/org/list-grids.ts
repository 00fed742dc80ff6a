import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Polygon } from '../../common/geo.js';
import { grids, units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import type { Ctx } from '../platform/context.js';
import { authorize, pathScope } from '../platform/policies.js';

/** A grid as a GeoJSON feature with the names a map tooltip needs. */
export interface GridFeature {
  type: 'Feature';
  id: string;
  geometry: Polygon;
  properties: {
    id: string;
    name: string;
    code: string;
    villageId: string | null;
    villageName: string | null;
    townshipId: string | null;
    townshipName: string | null;
    gridWorkerId: string | null;
    gridWorkerName: string | null;
  };
}

/** The grids the actor may see, as a GeoJSON FeatureCollection drawn by the web map. */
export async function listGrids(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<{ type: 'FeatureCollection'; features: GridFeature[] }> {
  const reach = authorize(ctx.actor, 'grid.read');
  const village = alias(units, 'village');
  const township = alias(units, 'township');
  const rows = await ctx.db
    .select({
      id: units.id,
      name: units.name,
      code: units.code,
      boundary: grids.boundary,
      villageId: village.id,
      villageName: village.name,
      townshipId: township.id,
      townshipName: township.name,
      gridWorkerId: grids.gridWorkerId,
      gridWorkerName: users.displayName,
    })
    .from(grids)
    .innerJoin(units, eq(units.id, grids.unitId))
    .leftJoin(village, eq(village.id, units.parentId))
    .leftJoin(township, eq(township.id, village.parentId))
    .leftJoin(users, eq(users.id, grids.gridWorkerId))
    .where(and(eq(units.active, true), pathScope(ctx.actor, reach, units.path), sql`true`))
    .orderBy(asc(units.code));
  return {
    type: 'FeatureCollection',
    features: rows.map(({ boundary, ...p }) => ({ type: 'Feature', id: p.id, geometry: boundary, properties: p })),
  };
}
