import { describe, it, expect } from 'vitest';
import { createWorkCalendar } from './calendar.js';
import { defaultOfficeHours as hours, parseOfficeHours } from './office-hours.js';
import { addDuration, workingMinutesBetween } from './working-time.js';
import type { ClockMode, Duration } from './working-time.js';

const cal = createWorkCalendar();
/** An instant given in China local time, 'YYYY-MM-DD HH:MM[:SS]'. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);
/** China local 'YYYY-MM-DD HH:MM' of an instant, for readable expectations. */
const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const due = (start: string, amount: number, unit: Duration['unit'], mode: ClockMode, c = cal) =>
  local(addDuration(at(start), { amount, unit }, mode, c, hours));

describe('addDuration around the 2026 National Day holiday (Oct 1–7, make-up Sat Oct 10)', () => {
  it('a case received the day before the holiday with 3 working days is due after it, on the make-up Saturday', () => {
    expect(due('2026-09-30 10:00', 3, 'days', 'working')).toBe('2026-10-10 10:00');
    expect(due('2026-09-30 10:00', 3, 'days', 'natural')).toBe('2026-10-03 10:00');
  });

  it('counts the make-up Sunday Sep 20 and skips the ordinary Sunday Oct 11', () => {
    expect(due('2026-09-18 10:00', 1, 'days', 'working')).toBe('2026-09-20 10:00');
    expect(due('2026-10-10 15:00', 1, 'days', 'working')).toBe('2026-10-12 15:00');
  });

  it('carries working hours from the last afternoon before the holiday to the first morning after it', () => {
    expect(due('2026-09-30 16:30', 2, 'hours', 'working')).toBe('2026-10-08 09:30');
  });
});

describe('addDuration within a day', () => {
  it('natural 2-hour deadlines cross midnight', () => {
    expect(due('2026-10-01 23:00', 2, 'hours', 'natural')).toBe('2026-10-02 01:00');
    expect(due('2026-12-31 23:30', 120, 'minutes', 'natural')).toBe('2027-01-01 01:30');
  });

  it('working minutes skip the lunch break', () => {
    expect(due('2026-09-29 11:00', 120, 'minutes', 'working')).toBe('2026-09-29 14:30');
    expect(workingMinutesBetween(at('2026-09-29 11:00'), at('2026-09-29 14:30'), cal, hours)).toBe(120);
  });

  it('ends at the closing time when an interval is used up exactly, not at the next opening', () => {
    expect(due('2026-09-29 08:30', 210, 'minutes', 'working')).toBe('2026-09-29 12:00');
    expect(due('2026-09-29 08:30', 450, 'minutes', 'working')).toBe('2026-09-29 17:30');
  });

  it('starts counting at the next opening when received outside office hours', () => {
    expect(due('2026-09-29 07:00', 60, 'minutes', 'working')).toBe('2026-09-29 09:30');
    expect(due('2026-09-29 12:30', 30, 'minutes', 'working')).toBe('2026-09-29 14:00');
    expect(due('2026-09-11 18:00', 30, 'minutes', 'working')).toBe('2026-09-14 09:00');
  });
});

describe('working days = office minutes of a day', () => {
  it('Friday 17:00 + 1 working day is Monday 17:00; Friday 19:00 + 1 is Monday at close', () => {
    expect(due('2026-09-11 17:00', 1, 'days', 'working')).toBe('2026-09-14 17:00');
    expect(due('2026-09-11 19:00', 1, 'days', 'working')).toBe('2026-09-14 17:30');
  });

  it('one working day is worth as many office hours as the configured day holds', () => {
    expect(due('2026-09-29 10:00', 7.5, 'hours', 'working')).toBe(due('2026-09-29 10:00', 1, 'days', 'working'));
    const nineToFive = parseOfficeHours([{ start: '09:00', end: '17:00' }]);
    const d = addDuration(at('2026-09-29 10:00'), { amount: 2, unit: 'days' }, 'working', cal, nineToFive);
    expect(local(d)).toBe('2026-10-08 10:00');
  });

  it('crosses the 2026 Spring Festival (Feb 15–23) using the make-up Saturday Feb 14', () => {
    expect(due('2026-02-13 09:00', 1, 'days', 'working')).toBe('2026-02-14 09:00');
    expect(due('2026-02-13 09:00', 2, 'days', 'working')).toBe('2026-02-24 09:00');
  });

  it('uses a deployment override for a year chinese-days does not carry yet (Spring Festival 2027)', () => {
    expect(cal.hasOfficialData(2027)).toBe(false);
    expect(due('2027-02-05 10:00', 1, 'days', 'working')).toBe('2027-02-08 10:00');
    // Illustrative local configuration, not the State Council's (unpublished) arrangement.
    const configured = createWorkCalendar(
      ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, workday: false })),
    );
    expect(due('2027-02-05 10:00', 1, 'days', 'working', configured)).toBe('2027-02-15 10:00');
  });

  it('30 working days from early September land after National Day', () => {
    // After Tue Sep 1: 21 more working days in September (Sun Sep 20 counts, Fri Sep 25 中秋 does not),
    // then Oct 8, 9, Sat 10 (22–24), Oct 12–16 (25–29), Mon Oct 19 (30).
    expect(due('2026-09-01 10:00', 30, 'days', 'working')).toBe('2026-10-19 10:00');
  });
});

describe('edges of addDuration', () => {
  it('gives the start itself for a zero duration, in both modes', () => {
    expect(due('2026-10-03 07:00', 0, 'days', 'working')).toBe('2026-10-03 07:00');
    expect(due('2026-10-03 07:00', 0, 'hours', 'natural')).toBe('2026-10-03 07:00');
  });

  it('rejects negative or non-finite durations and invalid dates with bad_request', () => {
    const bad = expect.objectContaining({ code: 'bad_request' });
    expect(() => addDuration(at('2026-09-29 10:00'), { amount: -1, unit: 'days' }, 'working', cal, hours)).toThrow(bad);
    expect(() => addDuration(at('2026-09-29 10:00'), { amount: NaN, unit: 'hours' }, 'natural', cal, hours)).toThrow(bad);
    expect(() => addDuration(new Date('nope'), { amount: 1, unit: 'hours' }, 'working', cal, hours)).toThrow(bad);
  });
});

describe('workingMinutesBetween', () => {
  it('counts office minutes on workdays only', () => {
    expect(workingMinutesBetween(at('2026-09-30 08:30'), at('2026-10-08 08:30'), cal, hours)).toBe(450);
    expect(workingMinutesBetween(at('2026-09-30 17:30'), at('2026-10-08 08:30'), cal, hours)).toBe(0);
    expect(workingMinutesBetween(at('2026-09-07 00:00'), at('2026-09-14 00:00'), cal, hours)).toBe(5 * 450);
    expect(workingMinutesBetween(at('2026-09-14 00:00'), at('2026-09-21 00:00'), cal, hours)).toBe(6 * 450);
  });

  it('is 0 when b <= a and fractional on partial minutes', () => {
    expect(workingMinutesBetween(at('2026-09-29 10:00'), at('2026-09-29 09:00'), cal, hours)).toBe(0);
    expect(workingMinutesBetween(at('2026-09-29 10:00'), at('2026-09-29 10:00'), cal, hours)).toBe(0);
    expect(workingMinutesBetween(at('2026-09-29 08:30:30'), at('2026-09-29 08:31'), cal, hours)).toBe(0.5);
  });
});
