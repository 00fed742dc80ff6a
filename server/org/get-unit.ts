import { and, asc, eq } from 'drizzle-orm';
import { units } from '../db/schema/org.js';
import type { Ctx } from '../platform/context.js';
import { authorize } from '../platform/policies.js';
import { loadUnitInReach } from './load-unit.js';
import { presentUnit } from './present.js';
import type { UnitView } from './schema.js';

/** One unit with its direct children, if the actor may see it. */
export async function getUnit(ctx: Pick<Ctx, 'db' | 'actor'>, id: string): Promise<{ unit: UnitView; children: UnitView[] }> {
  const reach = authorize(ctx.actor, 'unit.read');
  const unit = await loadUnitInReach(ctx.db, ctx.actor, reach, id);
  const children = await ctx.db
    .select()
    .from(units)
    .where(and(eq(units.parentId, id), eq(units.active, true)))
    .orderBy(asc(units.code));
  return { unit: presentUnit(unit), children: children.map(presentUnit) };
}
