import { eq } from 'drizzle-orm';
import { units } from '../db/schema/org.js';
import { sessions, users } from '../db/schema/users.js';
import { audit, diff } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { AppError, notFoundOrNoAccess } from '../platform/errors.js';
import { hashPassword } from '../platform/password.js';
import { authorize, pathAllowed } from '../platform/policies.js';
import { loadUnitInReach } from '../org/load-unit.js';
import { presentUser } from './present.js';
import { sessionCacheOf } from '../auth/session-cache.js';
import type { UpdateUserInput, UserView } from './schema.js';

/** Changes an account; disabling it or changing its password or role ends its sessions. */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<UserView> {
  const reach = authorize(ctx.actor, 'user.manage');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const now = ctx.clock.now();
  const view = await ctx.db.transaction(async (tx) => {
    const [found] = await tx.select({ user: users, unitPath: units.path }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(eq(users.id, id)).limit(1);
    if (!found || !pathAllowed(ctx.actor, reach, found.unitPath)) throw notFoundOrNoAccess('用户');
    const before = found.user;
    if (id === ctx.actor.id && (input.active === false || (input.role && input.role !== before.role))) {
      throw new AppError('conflict', '不能停用自己或修改自己的角色 (you cannot disable yourself or change your own role)');
    }
    const unit = input.unitId
      ? await loadUnitInReach(tx, ctx.actor, reach, input.unitId).catch(() => {
          throw new AppError('unknown_unit', '所属单元不存在 (unit not found)', { field: 'unitId' });
        })
      : null;
    const phone = input.phone === undefined ? {} : input.phone === null ? { phoneCipher: null, phoneIndex: null } : { phoneCipher: ctx.box.seal(input.phone), phoneIndex: ctx.box.index(input.phone) };
    const [row] = await tx
      .update(users)
      .set({
        displayName: input.displayName ?? before.displayName,
        role: input.role ?? before.role,
        unitId: unit?.id ?? before.unitId,
        active: input.active ?? before.active,
        ...(passwordHash ? { passwordHash } : {}),
        ...phone,
        updatedAt: now,
      })
      .where(eq(users.id, id))
      .returning();
    const changes = diff(
      { displayName: before.displayName, role: before.role, unitId: before.unitId, active: before.active },
      { displayName: row!.displayName, role: row!.role, unitId: row!.unitId, active: row!.active },
    );
    // Personal values are never written to the trail, only the fact that they changed.
    if (passwordHash) changes.password = { before: '***', after: '***' };
    if (input.phone !== undefined) changes.phone = { before: '***', after: '***' };
    if (passwordHash || row!.active === false || row!.role !== before.role || row!.unitId !== before.unitId) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    await audit({ ...ctx, db: tx }, { action: 'user_updated', subjectType: 'user', subjectId: id, unitId: row!.unitId, changes });
    const [u] = await tx.select({ name: units.name }).from(units).where(eq(units.id, row!.unitId));
    return presentUser(ctx.box, row!, u?.name ?? '');
  });
  // After the commit: a request racing it could otherwise remember the account as it was.
  sessionCacheOf(ctx.db).evictUser(id);
  return view;
}
