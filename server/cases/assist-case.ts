import { eq } from 'drizzle-orm';
import { caseTasks } from '../db/schema/cases.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { runCaseAction, type CaseRow } from './case-action.js';

/** An assisting unit (协办) acknowledges its part of a case. */
export async function acceptAssist(ctx: Ctx, caseId: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'assist_accept', async ({ tx, actorTask, now }) => {
    if (actorTask!.status !== 'dispatched') throw new AppError('illegal_transition', '协办任务已签收 (the assisting task was already accepted)', { taskStatus: actorTask!.status });
    await tx.update(caseTasks).set({ status: 'accepted', acceptedAt: now, updatedAt: now }).where(eq(caseTasks.id, actorTask!.id));
    return { event: 'assist_accepted', changes: { task: { before: 'dispatched', after: 'accepted' } } };
  });
}

/** An assisting unit reports its part done; the lead unit can resolve the case once every part is done. */
export async function resolveAssist(ctx: Ctx, caseId: string, reply: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'assist_resolve', async ({ tx, c, actorTask, now }) => {
    if (actorTask!.status === 'resolved') throw new AppError('illegal_transition', '协办任务已办结 (the assisting task is already resolved)', { taskStatus: 'resolved' });
    await tx.update(caseTasks).set({ status: 'resolved', resolvedAt: now, acceptedAt: actorTask!.acceptedAt ?? now, reply, updatedAt: now }).where(eq(caseTasks.id, actorTask!.id));
    return {
      event: 'assist_resolved',
      changes: { task: { before: actorTask!.status, after: 'resolved' }, reply: { before: null, after: reply } },
      notices: c.leadUnitId
        ? [{ to: { unitId: c.leadUnitId, roles: ['handler', 'township_staff', 'cadre'] }, topic: 'case.assist_resolved', title: `协办单位已办结 ${c.number}`, body: reply, caseId, key: `assist:${actorTask!.id}` }]
        : [],
    };
  });
}
