import { and, asc, eq } from 'drizzle-orm';
import { units } from '../db/schema/org.js';
import type { Ctx } from '../platform/context.js';
import { authorize, pathScope } from '../platform/policies.js';
import { presentUnit } from './present.js';
import type { UnitView } from './schema.js';

/** The units the actor may see, ordered as a tree (by depth, then code). */
export async function listUnits(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<UnitView[]> {
  const reach = authorize(ctx.actor, 'unit.read');
  const rows = await ctx.db
    .select()
    .from(units)
    .where(and(eq(units.active, true), pathScope(ctx.actor, reach, units.path)))
    .orderBy(asc(units.depth), asc(units.code));
  return rows.map(presentUnit);
}
