import type { CaseStatus } from '../../common/cases.js';
import type { SlaTarget } from '../db/schema/cases.js';
import type { Deps } from '../platform/context.js';
import { warningAt } from '../sla/cards.js';
import { addDuration, addInMode, spanInMode } from '../sla/working-time.js';

type Work = Deps['work'];

/** The deadline of a target counted from a moment, in natural or working time. */
export function dueFrom(work: Work, from: Date, target: SlaTarget): Date {
  return addDuration(from, { amount: target.amount, unit: target.unit }, target.mode, work.calendar, work.hours);
}

/** The yellow-card moment of a step: the configured share of its allowed time. */
export function warnFrom(work: Work, from: Date, due: Date, share: number, mode: SlaTarget['mode']): Date {
  return warningAt(from, due, share, mode, work.calendar, work.hours);
}

/** A deadline moved later by a suspension, measured in the deadline's own mode (working time skips nights and holidays). */
export function shiftedBy(work: Work, due: Date, pausedFrom: Date, pausedTo: Date, mode: SlaTarget['mode']): Date {
  const span = spanInMode(pausedFrom.getTime(), pausedTo.getTime(), mode, work.calendar, work.hours);
  return new Date(addInMode(due.getTime(), span, mode, work.calendar, work.hours));
}

/** The deadline the case currently waits on: accepting while dispatched, resolving while accepted or in progress. */
export function currentDue(c: { status: CaseStatus; acceptDue: Date | null; resolveDue: Date | null; firstResponseDue: Date | null }): Date | null {
  if (c.status === 'dispatched') return c.acceptDue;
  if (c.status === 'accepted' || c.status === 'in_progress') return c.resolveDue;
  if (c.status === 'received' || c.status === 'returned') return c.firstResponseDue;
  return null;
}

/** When the sweeper must next look at a case: its warning, then its deadline, then its supervision order's deadline. */
export function nextSweep(c: { card: 'none' | 'yellow' | 'red'; warnAt: Date | null; due: Date | null; orderDue: Date | null }): Date | null {
  if (c.card === 'none' && c.warnAt) return c.warnAt;
  if (c.card !== 'red' && c.due) return c.due;
  return c.orderDue;
}
