import { eq } from 'drizzle-orm';
import { caseTasks, slaPolicies } from '../db/schema/cases.js';
import type { Ctx } from '../platform/context.js';
import { runCaseAction, type CaseRow } from './case-action.js';
import { nextSweep, warnFrom } from './deadlines.js';
import { acceptTiming } from '../cockpit/timings.js';

/** The lead unit acknowledges the case (签收); the clock moves on to the resolve deadline. */
export async function acceptCase(ctx: Ctx, caseId: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'accept', async ({ tx, c, actorTask, now }) => {
    await tx.update(caseTasks).set({ status: 'accepted', acceptedAt: now, updatedAt: now }).where(eq(caseTasks.id, actorTask!.id));
    const [policy] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, c.slaPolicyId!));
    const warnAt = c.resolveDue ? warnFrom(ctx.work, c.dispatchedAt ?? now, c.resolveDue, policy!.warningShare, policy!.resolve.mode) : null;
    const card = warnAt && now >= warnAt ? 'yellow' : 'none';
    return {
      event: 'accepted',
      patch: {
        status: 'accepted',
        acceptedAt: now,
        firstResponseAt: c.firstResponseAt ?? now,
        ...acceptTiming(ctx.work, c, now),
        warnAt,
        card,
        nextSweepAt: nextSweep({ card, warnAt, due: c.resolveDue, orderDue: null }),
      },
    };
  });
}

/** The lead unit starts the work (办理中). */
export async function startCase(ctx: Ctx, caseId: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'start', async ({ tx, actorTask, now }) => {
    await tx.update(caseTasks).set({ status: 'in_progress', updatedAt: now }).where(eq(caseTasks.id, actorTask!.id));
    return { event: 'started', patch: { status: 'in_progress' } };
  });
}
