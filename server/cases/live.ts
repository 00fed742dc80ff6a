import { and, eq, ne } from 'drizzle-orm';
import { caseTasks } from '../db/schema/cases.js';
import type { Deps } from '../platform/context.js';
import type { LiveEvent } from '../platform/live-bus.js';
import type { CaseRow } from './case-action.js';

/** A case's live event: who may see it follows from its place, reporter, escalation and the units of its tasks. */
export function caseEvent(c: CaseRow, taskPaths: string[]): LiveEvent {
  return {
    type: 'case',
    id: c.id,
    number: c.number,
    status: c.status,
    reporterId: c.reporterId,
    reporterIndex: c.reporterIndex,
    areaPath: c.areaPath,
    escalationPath: c.escalationPath,
    taskPaths,
  };
}

/**
 * Tells open queues and case pages that a case changed (after its transaction committed); the unit paths of its
 * tasks, which decide who sees it, are read first. (Intake knows a new case has none and notifies with its write.)
 */
export function publishCaseChange(deps: Pick<Deps, 'db' | 'bus'>, c: CaseRow): void {
  void deps.db
    .select({ unitPath: caseTasks.unitPath })
    .from(caseTasks)
    .where(and(eq(caseTasks.caseId, c.id), ne(caseTasks.status, 'cancelled')))
    .then((tasks) => deps.bus.publish(caseEvent(c, tasks.map((t) => t.unitPath))))
    .catch(() => undefined);
}
