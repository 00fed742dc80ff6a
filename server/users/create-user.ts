import { eq } from 'drizzle-orm';
import { users } from '../db/schema/users.js';
import { audit } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { hashPassword } from '../platform/password.js';
import { authorize } from '../platform/policies.js';
import { loadUnitInReach } from '../org/load-unit.js';
import { presentUser } from './present.js';
import type { CreateUserInput, UserView } from './schema.js';

/** Creates an account in a unit; the phone is stored encrypted and the password as a scrypt hash. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserView> {
  const reach = authorize(ctx.actor, 'user.manage');
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const unit = await loadUnitInReach(tx, ctx.actor, reach, input.unitId).catch(() => {
      throw new AppError('unknown_unit', '所属单元不存在 (unit not found)', { field: 'unitId' });
    });
    const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1);
    if (clash) throw new AppError('already_exists', `用户名 ${input.username} 已存在 (username taken)`, { field: 'username' });
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: unit.id,
        passwordHash,
        phoneCipher: input.phone ? ctx.box.seal(input.phone) : null,
        phoneIndex: input.phone ? ctx.box.index(input.phone) : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await audit({ ...ctx, db: tx }, {
      action: 'user_created',
      subjectType: 'user',
      subjectId: row!.id,
      unitId: unit.id,
      changes: { username: { before: null, after: input.username }, role: { before: null, after: input.role }, unitId: { before: null, after: unit.id } },
    });
    return presentUser(ctx.box, row!, unit.name);
  });
}
