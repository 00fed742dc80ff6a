import { and, eq } from 'drizzle-orm';
import type { CaseRow } from '../cases/case-action.js';
import type { Db } from '../db/client.js';
import { casePauses } from '../db/schema/cases.js';
import type { Deps } from '../platform/context.js';
import { workingMinutesBetween } from '../sla/working-time.js';

type Work = Deps['work'];

/**
 * What an acceptance records for the cockpit, at the moment it happens (SQL knows no holiday calendar): working
 * minutes from the dispatch to now, and whether the accept deadline was met.
 */
export function acceptTiming(work: Work, c: Pick<CaseRow, 'dispatchedAt' | 'acceptDue'>, now: Date): Pick<CaseRow, 'acceptMinutes' | 'acceptOnTime'> {
  const from = c.dispatchedAt ?? now;
  return {
    acceptMinutes: Math.round(workingMinutesBetween(from, now, work.calendar, work.hours)),
    acceptOnTime: c.acceptDue === null || now.getTime() <= c.acceptDue.getTime(),
  };
}

/**
 * What a resolution records: working minutes from the dispatch to now without the time the case was suspended
 * (suspension stops the clock), and whether the resolve deadline — already moved by suspensions — was met.
 */
export async function resolveTiming(tx: Db, work: Work, c: Pick<CaseRow, 'id' | 'dispatchedAt' | 'resolveDue'>, now: Date): Promise<Pick<CaseRow, 'resolveMinutes' | 'resolveOnTime'>> {
  const from = c.dispatchedAt ?? now;
  const pauses = await tx
    .select({ startedAt: casePauses.startedAt, endedAt: casePauses.endedAt })
    .from(casePauses)
    .where(and(eq(casePauses.caseId, c.id), eq(casePauses.status, 'ended')));
  let minutes = workingMinutesBetween(from, now, work.calendar, work.hours);
  for (const p of pauses) {
    if (!p.startedAt || !p.endedAt) continue;
    const start = new Date(Math.max(p.startedAt.getTime(), from.getTime()));
    const end = new Date(Math.min(p.endedAt.getTime(), now.getTime()));
    if (end > start) minutes -= workingMinutesBetween(start, end, work.calendar, work.hours);
  }
  return {
    resolveMinutes: Math.max(0, Math.round(minutes)),
    resolveOnTime: c.resolveDue === null || now.getTime() <= c.resolveDue.getTime(),
  };
}
