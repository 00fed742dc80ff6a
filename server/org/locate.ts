import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { units } from '../db/schema/org.js';
import type { Deps } from '../platform/context.js';
import { AppError } from '../platform/errors.js';

/** Where a point lies: its grid, village and township; 400 invalid_location outside the county. */
export async function locate(deps: Pick<Deps, 'db' | 'grids'>, lng: number, lat: number) {
  const gridId = await deps.grids.locate(lng, lat);
  if (!gridId) throw new AppError('invalid_location', `位置不在本县范围内 (location ${lng}, ${lat} is outside the county)`, { field: 'location' });
  const village = alias(units, 'village');
  const township = alias(units, 'township');
  const [row] = await deps.db
    .select({ grid: { id: units.id, name: units.name }, village: { id: village.id, name: village.name }, township: { id: township.id, name: township.name } })
    .from(units)
    .innerJoin(village, eq(village.id, units.parentId))
    .innerJoin(township, eq(township.id, village.parentId))
    .where(eq(units.id, gridId));
  if (!row) throw new AppError('invalid_location', '位置不在本县范围内 (location is outside the county)', { field: 'location' });
  return row;
}
