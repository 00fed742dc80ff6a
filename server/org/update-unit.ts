import { eq, sql } from 'drizzle-orm';
import { units } from '../db/schema/org.js';
import { audit, diff } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { loadUnitInReach } from './load-unit.js';
import { presentUnit } from './present.js';
import { allowedChildren } from '../../common/roles.js';
import type { UnitView, UpdateUnitInput } from './schema.js';

/** Renames, recodes or moves a unit; a move carries its whole subtree along. */
export async function updateUnit(ctx: Ctx, id: string, input: UpdateUnitInput): Promise<UnitView> {
  const reach = authorize(ctx.actor, 'unit.manage');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const unit = await loadUnitInReach(tx, ctx.actor, reach, id);
    let path = unit.path;
    let depth = unit.depth;
    if (input.parentId !== undefined && input.parentId !== unit.parentId) {
      const parent = await loadUnitInReach(tx, ctx.actor, reach, input.parentId).catch(() => {
        throw new AppError('unknown_unit', '上级单元不存在 (parent unit not found)', { field: 'parentId' });
      });
      if (parent.path.startsWith(unit.path)) {
        throw new AppError('validation_failed', '不能移动到自己的下级 (cannot move a unit under itself)', { field: 'parentId' });
      }
      if (!allowedChildren[parent.kind].includes(unit.kind)) {
        throw new AppError('validation_failed', `“${parent.name}”下不能设立该类单元 (a ${unit.kind} cannot sit under a ${parent.kind})`, { field: 'parentId' });
      }
      path = `${parent.path}${unit.id}/`;
      depth = parent.depth + 1;
      // Rewrite the paths of the whole subtree in one statement.
      await tx
        .update(units)
        .set({ path: sql`${path} || substr(${units.path}, ${unit.path.length + 1})`, depth: sql`${units.depth} + ${depth - unit.depth}` })
        .where(sql`${units.path} like ${unit.path + '%'}`);
    }
    if (input.code && input.code !== unit.code) {
      const [clash] = await tx.select({ id: units.id }).from(units).where(eq(units.code, input.code)).limit(1);
      if (clash) throw new AppError('already_exists', `编码 ${input.code} 已被使用 (code already in use)`, { field: 'code' });
    }
    const [row] = await tx
      .update(units)
      .set({ name: input.name ?? unit.name, code: input.code ?? unit.code, parentId: input.parentId ?? unit.parentId, updatedAt: now })
      .where(eq(units.id, id))
      .returning();
    const changes = diff(
      { name: unit.name, code: unit.code, parentId: unit.parentId },
      { name: row!.name, code: row!.code, parentId: row!.parentId },
    );
    if (Object.keys(changes).length) {
      await audit({ ...ctx, db: tx }, { action: 'unit_updated', subjectType: 'unit', subjectId: id, unitId: id, changes });
    }
    return presentUnit(row!);
  });
}
