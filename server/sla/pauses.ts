import { AppError } from '../platform/errors.js';
import type { WorkCalendar } from './calendar.js';
import { instantMs, MS_PER_MINUTE } from './china-time.js';
import type { OfficeHours } from './office-hours.js';
import { addInMode, durationMs, spanInMode } from './working-time.js';
import type { ClockMode, Duration } from './working-time.js';

/** A suspension (挂起) of a case's clock; `to: null` means it is still suspended. */
export interface Pause {
  from: Date;
  to: Date | null;
}

/**
 * Time elapsed from `start` to `now` in the mode's clock, in minutes, leaving out suspended intervals.
 * Overlapping pauses count once; an open pause runs until `now`; a pause that begins after `now` has no effect.
 */
export function elapsedExcluding(
  start: Date,
  now: Date,
  pauses: readonly Pause[],
  mode: ClockMode,
  cal: WorkCalendar,
  hours: OfficeHours,
): number {
  const startMs = instantMs(start, 'start');
  const nowMs = instantMs(now, 'now');
  let elapsed = spanInMode(startMs, nowMs, mode, cal, hours);
  for (const [from, to] of mergePauses(pauses, nowMs)) {
    elapsed -= spanInMode(Math.max(from, startMs), Math.min(to, nowMs), mode, cal, hours);
  }
  return elapsed / MS_PER_MINUTE;
}

/**
 * The deadline of a step allowed `duration` in `mode`, pushed back by the time the case was suspended: the instant
 * when the active (unsuspended) time since `start` reaches the allowance. A case suspended for 2 working days
 * inside its window is due 2 working days later; a suspension that starts after the deadline does not move it.
 * While a pause is open (to: null, begun by `now`) the clock is stopped and there is no deadline: null.
 * Pauses that begin after `now` are not yet in effect and are ignored.
 */
export function deadlineWithPauses(
  start: Date,
  duration: Duration,
  mode: ClockMode,
  pauses: readonly Pause[],
  now: Date,
  cal: WorkCalendar,
  hours: OfficeHours,
): Date | null {
  const nowMs = instantMs(now, 'now');
  const inEffect = pauses.filter((p) => instantMs(p.from, 'pause.from') <= nowMs);
  if (inEffect.some((p) => p.to === null)) return null;

  let cursor = instantMs(start, 'start');
  let remaining = durationMs(duration, mode, hours);
  for (const [from, to] of mergePauses(inEffect, nowMs)) {
    const active = spanInMode(cursor, from, mode, cal, hours);
    if (remaining <= active) break;
    remaining -= active;
    cursor = Math.max(cursor, to);
  }
  return new Date(addInMode(cursor, remaining, mode, cal, hours));
}

/** Pauses begun by `nowMs` as sorted, disjoint [from, to) pairs in epoch ms; open ones end at `nowMs`. */
function mergePauses(pauses: readonly Pause[], nowMs: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const p of pauses) {
    const from = instantMs(p.from, 'pause.from');
    const to = p.to === null ? Math.max(from, nowMs) : instantMs(p.to, 'pause.to');
    if (to < from) throw new AppError('bad_request', '挂起的结束时间早于开始时间', { from: p.from, to: p.to });
    if (from <= nowMs) spans.push([from, to]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}
