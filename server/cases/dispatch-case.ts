import { eq } from 'drizzle-orm';
import { slaPolicies } from '../db/schema/cases.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { assignUnits } from './assign.js';
import { runCaseAction, type CaseRow } from './case-action.js';
import { categoryLineage, resolveCategory } from './categories.js';
import type { DispatchInput } from './schema.js';
import { pickSlaPolicy } from './sla-policy.js';

/**
 * Sends a received (or returned) case to its lead unit and assisting units (派单). Overriding the suggested unit
 * needs a reason; the override is kept in the trail, where smart dispatch learns from it.
 */
export async function dispatchCase(ctx: Ctx, caseId: string, input: DispatchInput): Promise<CaseRow> {
  const ref = await ctx.reference.fresh();
  return runCaseAction(ctx, caseId, 'dispatch', async ({ tx, c, now }) => {
    const category = input.category ? resolveCategory(ref, input.category) : null;
    const categoryId = category?.id ?? c.categoryId;
    const override = c.suggestedUnitId !== null && c.suggestedUnitId !== input.unitId;
    if (override && !input.reason) {
      throw new AppError('validation_failed', '改派到非建议单位时请填写理由 (a reason is required when overriding the suggested unit)', { field: 'reason' });
    }
    // A new category can change the deadline policy.
    const lineage = categoryId ? categoryLineage(ref, categoryId) : [];
    const policy = category
      ? pickSlaPolicy(ref, { lineage, urgency: c.urgency, channel: c.channel })
      : (await tx.select().from(slaPolicies).where(eq(slaPolicies.id, c.slaPolicyId!)))[0]!;
    const assigned = await assignUnits(tx, ctx.work, c, policy, { leadUnitId: input.unitId, assistUnitIds: input.assistUnitIds ?? [] }, now);
    return {
      event: 'dispatched',
      patch: { ...assigned.patch, categoryId },
      reason: input.reason ?? null,
      changes: {
        leadUnitId: { before: c.leadUnitId, after: input.unitId },
        assistUnitIds: { before: null, after: input.assistUnitIds ?? [] },
        ...(override ? { override: { before: c.suggestedUnitId, after: input.unitId } } : {}),
        ...(categoryId !== c.categoryId ? { categoryId: { before: c.categoryId, after: categoryId } } : {}),
      },
      notices: assigned.notices,
    };
  });
}
