/**
 * Following a case instead of reporting it again (关注): the report form offers the open cases a draft probably
 * repeats ("已有人反映过 — 关注这一件？"), and a person who takes one up hears when it is resolved, closed or merged,
 * and finds it under "my reports". A follower need not be able to read the case: they see its number, status and
 * category, as the duplicate offer showed them, and nothing another reporter wrote.
 */
import { and, eq, sql } from 'drizzle-orm';
import { openStatuses } from '../../common/cases.js';
import type { FollowState } from '../../common/following.js';
import { caseFollowers, cases } from '../db/schema/cases.js';
import { audit } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { AppError, notFoundOrNoAccess } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { isReporter } from './case-scope.js';

/** How many people follow a case now. */
export async function followerCount(db: Ctx['db'], caseId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(caseFollowers).where(eq(caseFollowers.caseId, caseId));
  return row?.n ?? 0;
}

/**
 * Follows an open case: idempotent (following twice is one follow and one trail entry). Refused for a case that is
 * no longer open (409: there is nothing left to hear about) and for the case's own reporter (who hears anyway).
 */
export async function followCase(ctx: Pick<Ctx, 'db' | 'actor' | 'clock' | 'meta' | 'box'>, caseId: string): Promise<FollowState> {
  authorize(ctx.actor, 'case.create');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // The case row is locked so that a merge or close running now either moves this follower or refuses it.
    const [c] = await tx
      .select({ id: cases.id, number: cases.number, status: cases.status, reporterId: cases.reporterId, reporterIndex: cases.reporterIndex })
      .from(cases)
      .where(eq(cases.id, caseId))
      .for('update');
    if (!c) throw notFoundOrNoAccess('工单');
    if (isReporter(ctx.actor, c, ctx.box.index(ctx.actor.id))) {
      throw new AppError('conflict', '这是您自己上报的工单，办理进展会通知您 (you reported this case and hear about it already)', { caseId });
    }
    if (!openStatuses.includes(c.status)) {
      throw new AppError('conflict', `工单 ${c.number} 已不在办理中，无法关注 (case is ${c.status}, no longer open)`, { caseId, status: c.status });
    }
    const added = await tx.insert(caseFollowers).values({ caseId, userId: ctx.actor.id, createdAt: now }).onConflictDoNothing().returning({ userId: caseFollowers.userId });
    const followers = await followerCount(tx, caseId);
    if (added.length) {
      await audit({ ...ctx, db: tx }, { action: 'followed', subjectType: 'case', subjectId: caseId, changes: { followers: { before: followers - 1, after: followers } } });
    }
    return { caseId, number: c.number, following: true, followers };
  });
}

/** Stops following a case; idempotent. */
export async function unfollowCase(ctx: Pick<Ctx, 'db' | 'actor' | 'clock' | 'meta'>, caseId: string): Promise<FollowState> {
  authorize(ctx.actor, 'case.create');
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId)).for('update');
    if (!c) throw notFoundOrNoAccess('工单');
    const removed = await tx
      .delete(caseFollowers)
      .where(and(eq(caseFollowers.caseId, caseId), eq(caseFollowers.userId, ctx.actor.id)))
      .returning({ userId: caseFollowers.userId });
    const followers = await followerCount(tx, caseId);
    if (removed.length) {
      await audit({ ...ctx, db: tx }, { action: 'unfollowed', subjectType: 'case', subjectId: caseId, changes: { followers: { before: followers + 1, after: followers } } });
    }
    return { caseId, number: c.number, following: false, followers };
  });
}
