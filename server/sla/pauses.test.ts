import { describe, it, expect } from 'vitest';
import { createWorkCalendar } from './calendar.js';
import { defaultOfficeHours as hours } from './office-hours.js';
import { deadlineWithPauses, elapsedExcluding } from './pauses.js';
import type { Pause } from './pauses.js';
import type { ClockMode, Duration } from './working-time.js';

const cal = createWorkCalendar();
const at = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);
const local = (d: Date | null) =>
  d === null ? null : new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const pause = (from: string, to: string | null): Pause => ({ from: at(from), to: to === null ? null : at(to) });

// Tue 2026-09-01 10:00 with 5 working days is due Tue Sep 8 10:00 when never suspended.
const START = '2026-09-01 10:00';
const FIVE_DAYS: Duration = { amount: 5, unit: 'days' };
const deadline = (pauses: Pause[], now = '2026-12-31 00:00', mode: ClockMode = 'working', d = FIVE_DAYS) =>
  local(deadlineWithPauses(at(START), d, mode, pauses, at(now), cal, hours));

describe('deadlineWithPauses', () => {
  it('without pauses is the plain deadline', () => {
    expect(deadline([])).toBe('2026-09-08 10:00');
  });

  it('a suspension of 2 working days moves the deadline 2 working days later', () => {
    expect(deadline([pause('2026-09-03 10:00', '2026-09-07 10:00')])).toBe('2026-09-10 10:00');
  });

  it('suspended time outside office hours does not move a working-time deadline', () => {
    expect(deadline([pause('2026-09-04 17:30', '2026-09-07 08:30')])).toBe('2026-09-08 10:00');
  });

  it('counts overlapping pauses once and ignores the part before the start', () => {
    const overlapping = [pause('2026-09-03 14:00', '2026-09-07 10:00'), pause('2026-09-03 10:00', '2026-09-04 10:00')];
    expect(deadline(overlapping)).toBe('2026-09-10 10:00');
    expect(deadline([pause('2026-08-31 09:00', '2026-09-02 10:00')])).toBe('2026-09-09 10:00');
  });

  it('a suspension that begins after the deadline does not move it', () => {
    expect(deadline([pause('2026-09-08 11:00', '2026-09-15 10:00')])).toBe('2026-09-08 10:00');
  });

  it('has no deadline while a pause is open, and ignores pauses that begin after now', () => {
    expect(deadline([pause('2026-09-03 10:00', null)], '2026-09-04 09:00')).toBeNull();
    expect(deadline([pause('2026-09-05 10:00', null)], '2026-09-04 09:00')).toBe('2026-09-08 10:00');
  });

  it('shifts a natural-time deadline by the wall-clock time suspended', () => {
    expect(deadline([pause('2026-09-02 08:00', '2026-09-02 13:00')], undefined, 'natural', { amount: 3, unit: 'days' })).toBe(
      '2026-09-04 15:00',
    );
  });

  it('rejects a pause that ends before it begins', () => {
    expect(() => deadline([pause('2026-09-03 10:00', '2026-09-02 10:00')])).toThrow(
      expect.objectContaining({ code: 'bad_request' }),
    );
  });
});

describe('elapsedExcluding', () => {
  const elapsed = (now: string, pauses: Pause[], mode: ClockMode = 'working') =>
    elapsedExcluding(at(START), at(now), pauses, mode, cal, hours);

  it('leaves out closed and open suspensions, in working minutes', () => {
    expect(elapsed('2026-09-07 10:00', [])).toBe(4 * 450);
    expect(elapsed('2026-09-07 10:00', [pause('2026-09-03 10:00', '2026-09-04 10:00')])).toBe(3 * 450);
    expect(
      elapsed('2026-09-07 10:00', [pause('2026-09-03 10:00', '2026-09-04 10:00'), pause('2026-09-04 10:00', null)]),
    ).toBe(2 * 450);
  });

  it('counts wall-clock minutes in natural mode and 0 before the start', () => {
    expect(elapsed('2026-09-02 10:00', [pause('2026-09-01 20:00', '2026-09-01 22:00')], 'natural')).toBe(22 * 60);
    expect(elapsed('2026-09-01 09:00', [], 'natural')).toBe(0);
  });
});

describe('pauses properties', () => {
  it('the active time from start to the shifted deadline is exactly the allowance', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 300; i++) {
      const mode: ClockMode = next() < 0.5 ? 'working' : 'natural';
      const start = new Date(at('2026-03-02 00:00').getTime() + Math.floor(next() * 200 * 1440) * 60_000);
      const pauses: Pause[] = Array.from({ length: Math.floor(next() * 4) }, () => {
        const from = start.getTime() + Math.floor((next() - 0.2) * 10 * 1440) * 60_000;
        return { from: new Date(from), to: new Date(from + Math.floor(next() * 3 * 1440) * 60_000) };
      });
      const minutes = 1 + Math.floor(next() * 5000);
      const farNow = new Date(start.getTime() + 400 * 86_400_000);
      const due = deadlineWithPauses(start, { amount: minutes, unit: 'minutes' }, mode, pauses, farNow, cal, hours);
      expect(due).not.toBeNull();
      expect(elapsedExcluding(start, due as Date, pauses, mode, cal, hours)).toBe(minutes);
    }
  });
});
