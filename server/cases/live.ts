import { and, eq, ne } from 'drizzle-orm';
import { caseTasks } from '../db/schema/cases.js';
import type { Deps } from '../platform/context.js';
import type { CaseRow } from './case-action.js';

/** Tells open queues and case pages that a case changed (after its transaction committed). */
export function publishCaseChange(deps: Pick<Deps, 'db' | 'bus'>, c: CaseRow): void {
  void deps.db
    .select({ unitPath: caseTasks.unitPath })
    .from(caseTasks)
    .where(and(eq(caseTasks.caseId, c.id), ne(caseTasks.status, 'cancelled')))
    .then((tasks) =>
      deps.bus.publish({
        type: 'case',
        id: c.id,
        number: c.number,
        status: c.status,
        reporterId: c.reporterId,
        reporterIndex: c.reporterIndex,
        areaPath: c.areaPath,
        escalationPath: c.escalationPath,
        taskPaths: tasks.map((t) => t.unitPath),
      }),
    )
    .catch(() => undefined);
}
