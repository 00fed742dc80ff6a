import { describe, expect, it } from 'vitest';
import { countdown, spanParts, urgencyTone } from './deadline.js';

const now = new Date('2025-03-03T08:00:00+08:00');

describe('countdown', () => {
  it('counts the time left, rounding down', () => {
    const c = countdown('2025-03-03T13:59:00+08:00', now);
    expect(c).toMatchObject({ overdue: false, days: 0, hours: 5, minutes: 59 });
    expect(spanParts(c!)).toEqual({ unit: 'hours', h: 5 });
  });

  it('counts the time past an overdue deadline', () => {
    const c = countdown('2025-03-03T05:30:00+08:00', now);
    expect(c).toMatchObject({ overdue: true, days: 0, hours: 2, minutes: 30 });
    expect(c!.ms).toBe(-2.5 * 3600_000);
    expect(spanParts(c!)).toEqual({ unit: 'hours', h: 2 });
  });

  it('says minutes under an hour and days beyond two days', () => {
    expect(spanParts(countdown('2025-03-03T08:45:00+08:00', now)!)).toEqual({ unit: 'minutes', m: 45 });
    expect(spanParts(countdown('2025-03-06T11:00:00+08:00', now)!)).toEqual({ unit: 'days', d: 3, h: 3 });
    expect(spanParts(countdown('2025-03-04T20:00:00+08:00', now)!)).toEqual({ unit: 'hours', h: 36 });
  });

  it('has nothing to count without a deadline', () => {
    expect(countdown(null, now)).toBeNull();
    expect(countdown('not a date', now)).toBeNull();
  });
});

describe('urgencyTone', () => {
  it('is red when overdue or red-carded, orange near the deadline or yellow-carded', () => {
    expect(urgencyTone(countdown('2025-03-03T07:00:00+08:00', now), 'none')).toBe('red');
    expect(urgencyTone(countdown('2025-03-05T07:00:00+08:00', now), 'red')).toBe('red');
    expect(urgencyTone(countdown('2025-03-05T07:00:00+08:00', now), 'yellow')).toBe('orange');
    expect(urgencyTone(countdown('2025-03-03T10:00:00+08:00', now), 'none')).toBe('orange');
    expect(urgencyTone(countdown('2025-03-05T07:00:00+08:00', now), 'none')).toBe('default');
    expect(urgencyTone(null, 'none')).toBe('default');
  });
});
