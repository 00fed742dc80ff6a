import { describe, it, expect } from 'vitest';
import { createWorkCalendar } from './calendar.js';
import { cardFor, warningAt } from './cards.js';
import { defaultOfficeHours as hours } from './office-hours.js';
import { deadlineWithPauses } from './pauses.js';
import { addDuration } from './working-time.js';

const cal = createWorkCalendar();
const at = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);
const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('warningAt', () => {
  it('is 80 % of the working time: 4 of 5 working days, skipping the weekend', () => {
    const start = at('2026-09-01 10:00');
    const deadline = addDuration(start, { amount: 5, unit: 'days' }, 'working', cal, hours);
    expect(local(deadline)).toBe('2026-09-08 10:00');
    expect(local(warningAt(start, deadline, 0.8, 'working', cal, hours))).toBe('2026-09-07 10:00');
  });

  it('is 80 % of the wall-clock time in natural mode', () => {
    const start = at('2026-09-01 10:00');
    const deadline = addDuration(start, { amount: 5, unit: 'days' }, 'natural', cal, hours);
    expect(local(warningAt(start, deadline, 0.8, 'natural', cal, hours))).toBe('2026-09-05 10:00');
  });

  it('skips the lunch break within a day: 80 % of 120 working minutes from 11:00 is 14:06', () => {
    const start = at('2026-09-29 11:00');
    const deadline = addDuration(start, { amount: 2, unit: 'hours' }, 'working', cal, hours);
    expect(local(deadline)).toBe('2026-09-29 14:30');
    expect(local(warningAt(start, deadline, 0.8, 'working', cal, hours))).toBe('2026-09-29 14:06');
  });

  it('gives the start at share 0 and the deadline at share 1; rejects a share outside 0…1', () => {
    const start = at('2026-09-01 10:00');
    const deadline = at('2026-09-03 16:00');
    expect(warningAt(start, deadline, 0, 'working', cal, hours).getTime()).toBe(start.getTime());
    expect(warningAt(start, deadline, 1, 'working', cal, hours).getTime()).toBe(deadline.getTime());
    expect(() => warningAt(start, deadline, 1.2, 'working', cal, hours)).toThrow(
      expect.objectContaining({ code: 'bad_request' }),
    );
  });

  it('for a suspended case comes from the scaled allowance with the same pauses', () => {
    const start = at('2026-09-01 10:00');
    const pauses = [{ from: at('2026-09-03 10:00'), to: at('2026-09-07 10:00') }];
    const now = at('2026-09-08 09:00');
    const due = deadlineWithPauses(start, { amount: 5, unit: 'days' }, 'working', pauses, now, cal, hours);
    const yellow = deadlineWithPauses(start, { amount: 5 * 0.8, unit: 'days' }, 'working', pauses, now, cal, hours);
    expect(due && local(due)).toBe('2026-09-10 10:00');
    expect(yellow && local(yellow)).toBe('2026-09-09 10:00');
  });
});

describe('cardFor', () => {
  const warning = at('2026-09-07 10:00');
  const deadline = at('2026-09-08 10:00');

  it('is none before the warning, yellow from it up to the deadline, red strictly after', () => {
    expect(cardFor(at('2026-09-07 09:59'), warning, deadline)).toBe('none');
    expect(cardFor(warning, warning, deadline)).toBe('yellow');
    expect(cardFor(deadline, warning, deadline)).toBe('yellow');
    expect(cardFor(new Date(deadline.getTime() + 1), warning, deadline)).toBe('red');
  });

  it('shows no card while the clock is stopped, and no yellow without a warning time', () => {
    expect(cardFor(at('2026-09-09 10:00'), warning, null)).toBe('none');
    expect(cardFor(at('2026-09-07 12:00'), null, deadline)).toBe('none');
    expect(cardFor(at('2026-09-09 10:00'), null, deadline)).toBe('red');
  });
});
