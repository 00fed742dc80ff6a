import { eq } from 'drizzle-orm';
import { cases } from '../db/schema/cases.js';
import { units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { audit } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { AppError, notFoundOrNoAccess } from '../platform/errors.js';
import { maskPhone } from '../platform/crypto-box.js';
import { authorize } from '../platform/policies.js';

/**
 * The audited lookup of an anonymous reporter (e.g. for a threat to life or a court order): only an administrator,
 * only with a written reason, and the lookup itself goes on the case's trail in the same transaction.
 */
export async function revealReporter(ctx: Ctx, caseId: string, reason: string) {
  authorize(ctx.actor, 'case.reveal_reporter');
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(cases).where(eq(cases.id, caseId));
    if (!c) throw notFoundOrNoAccess('工单');
    if (!c.anonymous) throw new AppError('conflict', '该工单不是匿名上报 (the case was not reported anonymously)');
    if (!c.reporterCipher) throw new AppError('conflict', '匿名公众上报，没有账号可查 (reported signed-out: there is no account behind it)');
    const userId = ctx.box.open(c.reporterCipher);
    const [u] = await tx
      .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, unitName: units.name, phoneCipher: users.phoneCipher })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.id, userId));
    if (!u) throw new AppError('integrity_violation', '匿名上报人的账号不存在 (the sealed reporter no longer exists)');
    await audit({ ...ctx, db: tx }, { action: 'reporter_revealed', subjectType: 'case', subjectId: caseId, reason });
    const { phoneCipher, ...person } = u;
    return { ...person, phoneMasked: phoneCipher ? maskPhone(ctx.box.open(phoneCipher)) : null };
  });
}
