import { AppError } from '../platform/errors.js';
import type { WorkCalendar } from './calendar.js';
import { chinaDate, chinaMidnight, instantMs, MS_PER_DAY, MS_PER_MINUTE } from './china-time.js';
import type { OfficeHours } from './office-hours.js';

/** 'natural': the wall clock (自然日/小时). 'working': only office hours on working days count (工作日/工作时). */
export type ClockMode = 'natural' | 'working';

/** A time limit (时限) as configured on a step, e.g. { amount: 3, unit: 'days' }. */
export interface Duration {
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
}

/**
 * The deadline (时限) of a step that starts at `start` and is allowed `duration` in `mode`.
 *
 * Natural mode is plain addition; a day is 24 hours.
 * Working mode counts only office minutes on working days. Minutes and hours are office minutes. Days are
 * converted to office minutes (N × the office minutes of one working day, 450 with the default hours) and added
 * the same way. So a case received inside office hours is due at the same time of day N working days later
 * (Wed 10:00 + 1 day → Thu 10:00; Fri 17:00 + 1 day → Mon 17:00), and one received outside office hours, lunch
 * break included, starts counting at the next opening (Fri 19:00 + 1 day → Mon 17:30, the close of that day).
 * A deadline that uses up an office interval exactly is its closing time (… → 12:00, not 13:30).
 * A zero duration gives `start` itself; a negative or non-finite one is bad input.
 */
export function addDuration(start: Date, duration: Duration, mode: ClockMode, cal: WorkCalendar, hours: OfficeHours): Date {
  return new Date(addInMode(instantMs(start, 'start'), durationMs(duration, mode, hours), mode, cal, hours));
}

/** Office minutes on working days in [a, b); 0 when b <= a. Fractional when a or b are not on whole minutes. */
export function workingMinutesBetween(a: Date, b: Date, cal: WorkCalendar, hours: OfficeHours): number {
  return workingMsBetween(instantMs(a, 'a'), instantMs(b, 'b'), cal, hours) / MS_PER_MINUTE;
}

/** The length of a duration in milliseconds of the given mode's clock (working days × office minutes per day). */
export function durationMs(duration: Duration, mode: ClockMode, hours: OfficeHours): number {
  const { amount, unit } = duration;
  if (!Number.isFinite(amount) || amount < 0) {
    throw new AppError('bad_request', '时限必须是非负数', { amount, unit });
  }
  const unitMs =
    unit === 'minutes' ? MS_PER_MINUTE
    : unit === 'hours' ? 60 * MS_PER_MINUTE
    : mode === 'natural' ? MS_PER_DAY
    : hours.minutesPerDay * MS_PER_MINUTE;
  return Math.round(amount * unitMs);
}

/** Time in [a, b) measured by the mode's clock, in milliseconds (0 when b <= a). */
export function spanInMode(a: number, b: number, mode: ClockMode, cal: WorkCalendar, hours: OfficeHours): number {
  if (mode === 'natural') return Math.max(0, b - a);
  return workingMsBetween(a, b, cal, hours);
}

/** The earliest instant at which `ms` of the mode's clock have passed since `start` (epoch ms in and out). */
export function addInMode(start: number, ms: number, mode: ClockMode, cal: WorkCalendar, hours: OfficeHours): number {
  if (mode === 'natural' || ms <= 0) return start + Math.max(0, ms);
  let remaining = ms;
  // Step a day at a time: each day costs one calendar lookup and one pass over its few office intervals.
  // This ends because overrides are finite and every Monday–Friday outside the tables is a working day.
  for (let midnight = chinaMidnight(chinaDate(start)); ; midnight += MS_PER_DAY) {
    if (!cal.isWorkday(chinaDate(midnight))) continue;
    for (const iv of hours.intervals) {
      const from = Math.max(start, midnight + iv.start * MS_PER_MINUTE);
      const to = midnight + iv.end * MS_PER_MINUTE;
      if (to <= from) continue;
      if (remaining <= to - from) return from + remaining;
      remaining -= to - from;
    }
  }
}

function workingMsBetween(a: number, b: number, cal: WorkCalendar, hours: OfficeHours): number {
  let total = 0;
  for (let midnight = chinaMidnight(chinaDate(a)); midnight < b; midnight += MS_PER_DAY) {
    if (!cal.isWorkday(chinaDate(midnight))) continue;
    for (const iv of hours.intervals) {
      const from = Math.max(a, midnight + iv.start * MS_PER_MINUTE);
      const to = Math.min(b, midnight + iv.end * MS_PER_MINUTE);
      if (to > from) total += to - from;
    }
  }
  return total;
}
