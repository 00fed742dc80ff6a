import { and, eq, ne } from 'drizzle-orm';
import type { Rating } from '../../common/cases.js';
import { caseTasks, slaPolicies } from '../db/schema/cases.js';
import type { Ctx } from '../platform/context.js';
import { assignUnits } from './assign.js';
import { runCaseAction, type ActionEnv, type CaseRow } from './case-action.js';
import { dueFrom, nextSweep, warnFrom } from './deadlines.js';

/** Supervision checks the result or calls the reporter back (回访/核查). */
export async function verifyCase(ctx: Ctx, caseId: string, note?: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'verify', async ({ now }) => ({ event: 'verified', reason: note ?? null, patch: { status: 'verified', verifiedAt: now } }));
}

/** Supervision closes a verified case (结案). */
export async function closeCase(ctx: Ctx, caseId: string, note?: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'close', async ({ now }) => ({ event: 'closed', reason: note ?? null, patch: { status: 'closed', closedAt: now, nextSweepAt: null } }));
}

/** Sends the case back to its lead unit with fresh deadlines (重办). */
async function redo({ tx, c, now }: ActionEnv, ctx: Ctx) {
  await tx.update(caseTasks).set({ status: 'cancelled', updatedAt: now }).where(and(eq(caseTasks.caseId, c.id), ne(caseTasks.status, 'cancelled')));
  const [policy] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, c.slaPolicyId!));
  const assigned = await assignUnits(tx, ctx.work, c, policy!, { leadUnitId: c.leadUnitId!, assistUnitIds: [] }, now);
  return { ...assigned, policy: policy! };
}

/** Supervision reopens a finished case whose result was rejected (重开). */
export async function reopenCase(ctx: Ctx, caseId: string, reason: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'reopen', async (env) => {
    const { patch, notices } = await redo(env, ctx);
    return { event: 'reopened', reason, patch: { ...patch, reopenCount: env.c.reopenCount + 1, resolvedAt: null, verifiedAt: null, closedAt: null }, notices };
  });
}

/**
 * The reporter rates the result (好差评). Satisfied or basically satisfied closes the case. Unsatisfied reopens it
 * for the lead unit, or — with followUp 'rectify' — orders rectification (整改): a task with its own deadline.
 */
export async function rateCase(ctx: Ctx, caseId: string, input: { score: Rating; comment?: string; followUp?: 'reopen' | 'rectify' }): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'rate', async (env) => {
    const { c, tx, now } = env;
    const changes = { rating: { before: c.rating, after: input.score } };
    if (input.score !== 'unsatisfied') {
      return { event: 'rated', reason: input.comment ?? null, changes, patch: { status: 'closed', rating: input.score, verifiedAt: c.verifiedAt ?? now, closedAt: now, nextSweepAt: null } };
    }
    if (input.followUp === 'rectify') {
      const [policy] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, c.slaPolicyId!));
      const resolveDue = dueFrom(ctx.work, now, policy!.resolve);
      const lead = env.tasks.find((t) => t.role === 'lead');
      await tx.insert(caseTasks).values({ caseId, unitId: c.leadUnitId!, unitPath: lead!.unitPath, role: 'rectification', status: 'accepted', acceptedAt: now, resolveDue, note: input.comment ?? null, createdAt: now, updatedAt: now });
      await tx.update(caseTasks).set({ status: 'cancelled', updatedAt: now }).where(eq(caseTasks.id, lead!.id));
      const warnAt = warnFrom(ctx.work, now, resolveDue, policy!.warningShare, policy!.resolve.mode);
      return {
        event: 'rated',
        reason: input.comment ?? null,
        changes: { ...changes, rectification: { before: null, after: { unitId: c.leadUnitId, resolveDue: resolveDue.toISOString() } } },
        patch: { status: 'in_progress', rating: input.score, resolveDue, warnAt, card: 'none', resolvedAt: null, nextSweepAt: nextSweep({ card: 'none', warnAt, due: resolveDue, orderDue: null }) },
        notices: [{ to: { unitId: c.leadUnitId!, roles: ['handler', 'township_staff', 'cadre'] }, topic: 'case.rectification', title: `群众不满意，请整改 ${c.number}`, body: input.comment ?? '', caseId, key: `rectify:${caseId}:${now.getTime()}` }],
      };
    }
    const { patch, notices } = await redo(env, ctx);
    return {
      event: 'rated',
      reason: input.comment ?? null,
      changes: { ...changes, reopenCount: { before: c.reopenCount, after: c.reopenCount + 1 } },
      patch: { ...patch, rating: input.score, reopenCount: c.reopenCount + 1, resolvedAt: null, verifiedAt: null },
      notices,
    };
  });
}
