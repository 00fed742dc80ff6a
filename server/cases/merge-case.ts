import { and, eq, ne } from 'drizzle-orm';
import { openStatuses } from '../../common/cases.js';
import { caseTasks, cases } from '../db/schema/cases.js';
import { audit } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { runCaseAction, type CaseRow } from './case-action.js';

/** A duplicate joins the case it repeats (合并): it ends as merged and the target's trail records the duplicate. */
export async function mergeCase(ctx: Ctx, caseId: string, input: { targetCaseId: string; reason?: string }): Promise<CaseRow> {
  if (input.targetCaseId === caseId) throw new AppError('validation_failed', '不能合并到自身 (a case cannot merge into itself)', { field: 'targetCaseId' });
  return runCaseAction(ctx, caseId, 'merge', async ({ tx, c, now }) => {
    const [target] = await tx.select().from(cases).where(eq(cases.id, input.targetCaseId)).for('update');
    if (!target || !openStatuses.includes(target.status)) {
      throw new AppError('validation_failed', '目标工单不存在或已结束 (target case not found or no longer open)', { field: 'targetCaseId' });
    }
    await tx.update(caseTasks).set({ status: 'cancelled', updatedAt: now }).where(and(eq(caseTasks.caseId, caseId), ne(caseTasks.status, 'cancelled')));
    await audit({ ...ctx, db: tx }, { action: 'duplicate_merged', subjectType: 'case', subjectId: target.id, changes: { duplicate: { before: null, after: c.number } }, reason: input.reason ?? null });
    return {
      event: 'merged',
      reason: input.reason ?? null,
      patch: { status: 'merged', mergedIntoId: target.id, nextSweepAt: null, closedAt: now },
      changes: { mergedInto: { before: null, after: target.number } },
      notices: c.reporterId ? [{ to: { userId: c.reporterId }, topic: 'case.merged', title: `您反映的问题已并入 ${target.number} 统一办理`, body: target.title, caseId: target.id, key: `merged:${caseId}` }] : [],
    };
  });
}
