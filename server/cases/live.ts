import { and, eq, ne } from 'drizzle-orm';
import { caseTasks } from '../db/schema/cases.js';
import type { Deps } from '../platform/context.js';
import type { CaseRow } from './case-action.js';

/**
 * Tells open queues and case pages that a case changed (after its transaction committed). The unit paths of its
 * tasks decide who sees it; a caller that knows them (a case just received has none) saves the query.
 */
export function publishCaseChange(deps: Pick<Deps, 'db' | 'bus'>, c: CaseRow, taskPaths: string[] | null = null): void {
  const event = (paths: string[]) => ({
    type: 'case' as const,
    id: c.id,
    number: c.number,
    status: c.status,
    reporterId: c.reporterId,
    reporterIndex: c.reporterIndex,
    areaPath: c.areaPath,
    escalationPath: c.escalationPath,
    taskPaths: paths,
  });
  if (taskPaths) {
    deps.bus.publish(event(taskPaths));
    return;
  }
  void deps.db
    .select({ unitPath: caseTasks.unitPath })
    .from(caseTasks)
    .where(and(eq(caseTasks.caseId, c.id), ne(caseTasks.status, 'cancelled')))
    .then((tasks) => deps.bus.publish(event(tasks.map((t) => t.unitPath))))
    .catch(() => undefined);
}
