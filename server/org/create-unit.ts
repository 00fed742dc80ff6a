import { count, eq } from 'drizzle-orm';
import { grids, units } from '../db/schema/org.js';
import { audit } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { gridGeometry } from './grid-geometry.js';
import { loadUnitInReach } from './load-unit.js';
import { presentUnit } from './present.js';
import { allowedChildren } from '../../common/roles.js';
import type { CreateUnitInput, UnitView } from './schema.js';

/** Adds a unit under a parent (a grid needs its boundary), recording it in the trail. */
export async function createUnit(ctx: Ctx, input: CreateUnitInput): Promise<UnitView> {
  const reach = authorize(ctx.actor, 'unit.manage');
  const now = ctx.clock.now();
  const unit = await ctx.db.transaction(async (tx) => {
    const parent = await loadUnitInReach(tx, ctx.actor, reach, input.parentId).catch(() => {
      throw new AppError('unknown_unit', '上级单元不存在 (parent unit not found)', { field: 'parentId' });
    });
    if (!allowedChildren[parent.kind].includes(input.kind)) {
      throw new AppError('validation_failed', `“${parent.name}”下不能设立该类单元 (a ${input.kind} cannot sit under a ${parent.kind})`, { field: 'kind' });
    }
    if (input.kind === 'grid' && !input.boundary) {
      throw new AppError('validation_failed', '网格必须有边界 (a grid needs a boundary)', { field: 'boundary' });
    }
    const geometry = input.kind === 'grid' ? gridGeometry(input.boundary!) : null;
    const [siblings] = await tx.select({ n: count() }).from(units).where(eq(units.parentId, parent.id));
    const code = input.code ?? `${parent.code}-${String((siblings?.n ?? 0) + 1).padStart(2, '0')}`;
    const [clash] = await tx.select({ id: units.id }).from(units).where(eq(units.code, code)).limit(1);
    if (clash) throw new AppError('already_exists', `编码 ${code} 已被使用 (code already in use)`, { field: 'code' });
    const id = crypto.randomUUID();
    const [row] = await tx
      .insert(units)
      .values({ id, parentId: parent.id, kind: input.kind, name: input.name, code, path: `${parent.path}${id}/`, depth: parent.depth + 1, createdAt: now, updatedAt: now })
      .returning();
    if (geometry) await tx.insert(grids).values({ unitId: id, ...geometry, updatedAt: now });
    await audit({ ...ctx, db: tx }, {
      action: 'unit_created',
      subjectType: 'unit',
      subjectId: id,
      unitId: id,
      changes: { name: { before: null, after: input.name }, kind: { before: null, after: input.kind }, parentId: { before: null, after: parent.id }, code: { before: null, after: code } },
    });
    return row!;
  });
  if (unit.kind === 'grid') ctx.grids.invalidate();
  return presentUnit(unit);
}
