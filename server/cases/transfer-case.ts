import { and, eq, ne } from 'drizzle-orm';
import { caseTasks, slaPolicies } from '../db/schema/cases.js';
import type { Ctx } from '../platform/context.js';
import { assignUnits } from './assign.js';
import { runCaseAction, type CaseRow } from './case-action.js';

/** The dispatch centre moves a case to another unit (转办): the old tasks end, the new unit gets fresh deadlines. */
export async function transferCase(ctx: Ctx, caseId: string, input: { unitId: string; reason: string }): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'transfer', async ({ tx, c, now }) => {
    await tx.update(caseTasks).set({ status: 'cancelled', note: input.reason, updatedAt: now }).where(and(eq(caseTasks.caseId, caseId), ne(caseTasks.status, 'cancelled')));
    const [policy] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, c.slaPolicyId!));
    const assigned = await assignUnits(tx, ctx.work, c, policy!, { leadUnitId: input.unitId, assistUnitIds: [] }, now);
    return {
      event: 'transferred',
      reason: input.reason,
      patch: assigned.patch,
      changes: { leadUnitId: { before: c.leadUnitId, after: input.unitId } },
      notices: assigned.notices,
    };
  });
}
