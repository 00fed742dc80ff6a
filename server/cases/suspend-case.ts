import { and, eq } from 'drizzle-orm';
import { casePauses, slaPolicies } from '../db/schema/cases.js';
import type { Db } from '../db/client.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { runCaseAction, type CaseRow } from './case-action.js';
import { currentDue, nextSweep, shiftedBy } from './deadlines.js';
import { areaIds } from './suggest-unit.js';

/** The lead unit asks to stop the clock (挂起), with a reason; supervision decides. */
export async function requestSuspend(ctx: Ctx, caseId: string, reason: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'request_suspend', async ({ tx, c, now }) => {
    const [open] = await tx.select({ id: casePauses.id }).from(casePauses).where(and(eq(casePauses.caseId, caseId), eq(casePauses.status, 'pending')));
    if (open) throw new AppError('conflict', '已有待审批的挂起申请 (a suspension request is already pending)');
    await tx.insert(casePauses).values({ caseId, reason, status: 'pending', requestedBy: ctx.actor.id, requestedAt: now });
    return {
      event: 'suspend_requested',
      reason,
      notices: [{ to: { unitId: areaIds(c.areaPath)[0]!, roles: ['supervisor', 'dispatcher'] }, topic: 'case.suspend_requested', title: `挂起申请 ${c.number}`, body: reason, caseId, key: `suspend-req:${caseId}:${now.getTime()}` }],
    };
  });
}

async function pendingPause(tx: Db, caseId: string) {
  const [pause] = await tx.select().from(casePauses).where(and(eq(casePauses.caseId, caseId), eq(casePauses.status, 'pending')));
  if (!pause) throw new AppError('conflict', '没有待审批的挂起申请 (no pending suspension request)');
  return pause;
}

/** Supervision approves a suspension: the case is suspended and its clock stops from now. */
export async function approveSuspend(ctx: Ctx, caseId: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'approve_suspend', async ({ tx, c, now }) => {
    const pause = await pendingPause(tx, caseId);
    await tx.update(casePauses).set({ status: 'approved', decidedBy: ctx.actor.id, startedAt: now }).where(eq(casePauses.id, pause.id));
    return { event: 'suspended', reason: pause.reason, patch: { status: 'suspended', statusBeforeSuspend: c.status, nextSweepAt: null } };
  });
}

/** Supervision turns a suspension request down. */
export async function rejectSuspend(ctx: Ctx, caseId: string, reason: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'reject_suspend', async ({ tx }) => {
    const pause = await pendingPause(tx, caseId);
    await tx.update(casePauses).set({ status: 'rejected', decidedBy: ctx.actor.id }).where(eq(casePauses.id, pause.id));
    return { event: 'suspend_rejected', reason };
  });
}

/** Ends a suspension: the case returns to where it was and every deadline moves later by the time it was paused. */
export async function resumeCase(ctx: Ctx, caseId: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'resume', async ({ tx, c, now }) => {
    const [pause] = await tx.select().from(casePauses).where(and(eq(casePauses.caseId, caseId), eq(casePauses.status, 'approved')));
    if (!pause?.startedAt) throw new AppError('conflict', '没有进行中的挂起 (the case has no active suspension)');
    await tx.update(casePauses).set({ status: 'ended', endedAt: now }).where(eq(casePauses.id, pause.id));
    const [policy] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, c.slaPolicyId!));
    const shift = (d: Date | null, mode: 'natural' | 'working') => (d ? shiftedBy(ctx.work, d, pause.startedAt!, now, mode) : null);
    const status = c.statusBeforeSuspend ?? 'in_progress';
    const acceptDue = shift(c.acceptDue, policy!.accept.mode);
    const resolveDue = shift(c.resolveDue, policy!.resolve.mode);
    const firstResponseDue = shift(c.firstResponseDue, policy!.firstResponse.mode);
    const warnAt = shift(c.warnAt, status === 'dispatched' ? policy!.accept.mode : policy!.resolve.mode);
    const due = currentDue({ status, acceptDue, resolveDue, firstResponseDue });
    return {
      event: 'resumed',
      patch: { status, statusBeforeSuspend: null, acceptDue, resolveDue, firstResponseDue, warnAt, nextSweepAt: nextSweep({ card: c.card, warnAt, due, orderDue: null }) },
      changes: { resolveDue: { before: c.resolveDue?.toISOString() ?? null, after: resolveDue?.toISOString() ?? null } },
    };
  });
}
