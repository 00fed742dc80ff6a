import { eq } from 'drizzle-orm';
import { grids } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { audit, diff } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { AppError, notFoundOrNoAccess } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { gridGeometry } from './grid-geometry.js';
import { loadUnitInReach } from './load-unit.js';
import type { UpdateGridInput } from './schema.js';

/** Redraws a grid's boundary or assigns its grid worker, recording before and after in the trail. */
export async function updateGrid(ctx: Ctx, id: string, input: UpdateGridInput) {
  const reach = authorize(ctx.actor, 'grid.manage');
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    await loadUnitInReach(tx, ctx.actor, reach, id);
    const [grid] = await tx.select().from(grids).where(eq(grids.unitId, id)).limit(1);
    if (!grid) throw notFoundOrNoAccess('网格');
    const geometry = input.boundary ? gridGeometry(input.boundary) : {};
    if (input.gridWorkerId) {
      const [worker] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.gridWorkerId)).limit(1);
      if (!worker || worker.role !== 'grid_worker') {
        throw new AppError('validation_failed', '网格员不存在或不是网格员角色 (gridWorkerId must name a grid worker)', { field: 'gridWorkerId' });
      }
    }
    const [row] = await tx
      .update(grids)
      .set({ ...geometry, ...(input.gridWorkerId !== undefined ? { gridWorkerId: input.gridWorkerId } : {}), updatedAt: now })
      .where(eq(grids.unitId, id))
      .returning();
    const changes = diff({ boundary: grid.boundary, gridWorkerId: grid.gridWorkerId }, { boundary: row!.boundary, gridWorkerId: row!.gridWorkerId });
    await audit({ ...ctx, db: tx }, { action: 'grid_updated', subjectType: 'unit', subjectId: id, unitId: id, changes });
    return row!;
  });
  ctx.grids.invalidate();
  return { id: result.unitId, boundary: result.boundary, gridWorkerId: result.gridWorkerId };
}
