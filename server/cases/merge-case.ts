import { and, eq, ne } from 'drizzle-orm';
import { openStatuses } from '../../common/cases.js';
import type { Db } from '../db/client.js';
import { caseFollowers, caseTasks, cases } from '../db/schema/cases.js';
import { audit } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { runCaseAction, type CaseRow } from './case-action.js';
import { followerCount } from './follow-case.js';

/**
 * The duplicate's followers follow the case it joins, and so does its reporter (when known by account, and not the
 * target's own reporter): they hear when the target is resolved or closed. Returns the followers moved (to be told)
 * and the target's follower count before and after (for its trail).
 */
async function moveFollowers(tx: Db, c: CaseRow, target: CaseRow, now: Date): Promise<{ moved: string[]; before: number; after: number }> {
  const followers = await tx.delete(caseFollowers).where(eq(caseFollowers.caseId, c.id)).returning({ userId: caseFollowers.userId, createdAt: caseFollowers.createdAt });
  const joining = [...followers];
  if (c.reporterId && !followers.some((f) => f.userId === c.reporterId)) joining.push({ userId: c.reporterId, createdAt: now });
  const rows = joining.filter((f) => f.userId !== target.reporterId).map((f) => ({ caseId: target.id, userId: f.userId, createdAt: f.createdAt }));
  const before = await followerCount(tx, target.id);
  const added = rows.length ? await tx.insert(caseFollowers).values(rows).onConflictDoNothing().returning({ userId: caseFollowers.userId }) : [];
  return { moved: followers.map((f) => f.userId).filter((u) => u !== target.reporterId), before, after: before + added.length };
}

/** A duplicate joins the case it repeats (合并): it ends as merged and the target's trail records the duplicate. */
export async function mergeCase(ctx: Ctx, caseId: string, input: { targetCaseId: string; reason?: string }): Promise<CaseRow> {
  if (input.targetCaseId === caseId) throw new AppError('validation_failed', '不能合并到自身 (a case cannot merge into itself)', { field: 'targetCaseId' });
  return runCaseAction(ctx, caseId, 'merge', async ({ tx, c, now }) => {
    const [target] = await tx.select().from(cases).where(eq(cases.id, input.targetCaseId)).for('update');
    if (!target || !openStatuses.includes(target.status)) {
      throw new AppError('validation_failed', '目标工单不存在或已结束 (target case not found or no longer open)', { field: 'targetCaseId' });
    }
    await tx.update(caseTasks).set({ status: 'cancelled', updatedAt: now }).where(and(eq(caseTasks.caseId, caseId), ne(caseTasks.status, 'cancelled')));
    const followers = await moveFollowers(tx, c, target, now);
    await audit({ ...ctx, db: tx }, {
      action: 'duplicate_merged', subjectType: 'case', subjectId: target.id, reason: input.reason ?? null,
      changes: { duplicate: { before: null, after: c.number }, ...(followers.after !== followers.before ? { followers: { before: followers.before, after: followers.after } } : {}) },
    });
    return {
      event: 'merged',
      reason: input.reason ?? null,
      patch: { status: 'merged', mergedIntoId: target.id, nextSweepAt: null, closedAt: now },
      changes: { mergedInto: { before: null, after: target.number } },
      notices: [
        ...(c.reporterId ? [{ to: { userId: c.reporterId }, topic: 'case.merged', title: `您反映的问题已并入 ${target.number} 统一办理`, body: target.title, caseId: target.id, key: `merged:${caseId}` }] : []),
        ...followers.moved.map((userId) => ({
          to: { userId }, topic: 'case.followed.merged', title: `您关注的工单 ${c.number} 已并入 ${target.number} 统一办理`,
          body: `您已改为关注工单 ${target.number}，可在“我的上报 · 我关注的”中查看。`, key: `merged:${caseId}:${userId}`,
        })),
      ],
    };
  });
}
