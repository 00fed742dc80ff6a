import { and, eq, ne } from 'drizzle-orm';
import { caseTasks } from '../db/schema/cases.js';
import type { Ctx } from '../platform/context.js';
import { runCaseAction, type CaseRow } from './case-action.js';
import { areaIds } from './suggest-unit.js';

/** Returns to a buck-passing flag: from the second return of one case on, supervision is told. */
export const BUCK_PASSING_RETURNS = 2;

/** The lead unit sends the case back as not its duty (退回), with a reason; repeated returns are flagged as buck-passing. */
export async function returnCase(ctx: Ctx, caseId: string, reason: string): Promise<CaseRow> {
  return runCaseAction(ctx, caseId, 'return', async ({ tx, c, now }) => {
    await tx.update(caseTasks).set({ status: 'cancelled', note: reason, updatedAt: now }).where(and(eq(caseTasks.caseId, caseId), ne(caseTasks.status, 'cancelled')));
    const returnCount = c.returnCount + 1;
    const buckPassing = returnCount >= BUCK_PASSING_RETURNS;
    const countyId = areaIds(c.areaPath)[0]!;
    return {
      event: 'returned',
      reason,
      patch: {
        status: 'returned',
        leadUnitId: null,
        returnCount,
        buckPassing,
        warnAt: null,
        card: 'none',
        acceptDue: null,
        resolveDue: null,
        nextSweepAt: c.firstResponseAt ? null : c.firstResponseDue,
      },
      changes: { leadUnitId: { before: c.leadUnitId, after: null }, returnCount: { before: c.returnCount, after: returnCount }, ...(buckPassing !== c.buckPassing ? { buckPassing: { before: false, after: true } } : {}) },
      notices: [
        { to: { unitId: countyId, roles: ['dispatcher'] }, topic: 'case.returned', title: `工单被退回 ${c.number}`, body: reason, caseId, key: `returned:${caseId}:${returnCount}` },
        ...(buckPassing
          ? [{ to: { unitId: countyId, roles: ['supervisor'] as const }, topic: 'case.buck_passing', title: `疑似推诿：${c.number} 已被退回 ${returnCount} 次`, body: reason, caseId, key: `buck:${caseId}:${returnCount}` }]
          : []),
      ],
    };
  });
}
