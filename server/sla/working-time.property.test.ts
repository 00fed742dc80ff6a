import { describe, it, expect } from 'vitest';
import { createWorkCalendar } from './calendar.js';
import { chinaDate, chinaMidnight, MS_PER_MINUTE } from './china-time.js';
import { defaultOfficeHours as hours } from './office-hours.js';
import { addDuration, workingMinutesBetween } from './working-time.js';

const cal = createWorkCalendar();

/** A small seeded generator (mulberry32) so that a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const YEAR_START = chinaMidnight('2026-01-01');
/** A whole-minute instant anywhere in 2026 (China time), office hours or not. */
const anyStart = (r: () => number) => new Date(YEAR_START + int(r, 0, 364 * 1440) * MS_PER_MINUTE);
/** A whole-minute instant inside office hours on a working day of 2026. */
function officeStart(r: () => number): Date {
  for (;;) {
    const d = anyStart(r);
    const minute = (d.getTime() - chinaMidnight(chinaDate(d))) / MS_PER_MINUTE;
    if (cal.isWorkday(chinaDate(d)) && hours.intervals.some((iv) => minute >= iv.start && minute < iv.end)) return d;
  }
}

/** Reference answer, one minute at a time: is the minute starting at `ms` an office minute on a working day? */
function isOfficeMinute(ms: number): boolean {
  const minute = (ms - chinaMidnight(chinaDate(ms))) / MS_PER_MINUTE;
  return cal.isWorkday(chinaDate(ms)) && hours.intervals.some((iv) => minute >= iv.start && minute < iv.end);
}
function slowAdd(start: Date, minutes: number): Date {
  let t = start.getTime();
  for (let left = minutes; left > 0; t += MS_PER_MINUTE) if (isOfficeMinute(t)) left--;
  return new Date(t);
}
function slowBetween(a: Date, b: Date): number {
  let n = 0;
  for (let t = a.getTime(); t < b.getTime(); t += MS_PER_MINUTE) if (isOfficeMinute(t)) n++;
  return n;
}

describe('working time agrees with a minute-by-minute reference', () => {
  it('addDuration lands where the reference does, for starts inside and outside office hours', () => {
    const r = rng(20261001);
    for (let i = 0; i < 150; i++) {
      const start = anyStart(r);
      const d = int(r, 1, 4000);
      const fast = addDuration(start, { amount: d, unit: 'minutes' }, 'working', cal, hours);
      expect(fast.toISOString(), `start ${start.toISOString()} + ${d} min`).toBe(slowAdd(start, d).toISOString());
    }
  });

  it('workingMinutesBetween counts what the reference counts', () => {
    const r = rng(7);
    for (let i = 0; i < 150; i++) {
      const a = anyStart(r);
      const b = new Date(a.getTime() + int(r, 0, 10 * 1440) * MS_PER_MINUTE);
      expect(workingMinutesBetween(a, b, cal, hours)).toBe(slowBetween(a, b));
    }
  });
});

describe('working time properties', () => {
  it('workingMinutesBetween(start, addDuration(start, d)) === d for starts inside office hours', () => {
    const r = rng(42);
    for (let i = 0; i < 1000; i++) {
      const start = officeStart(r);
      const d = int(r, 1, 30 * 450);
      const end = addDuration(start, { amount: d, unit: 'minutes' }, 'working', cal, hours);
      expect(workingMinutesBetween(start, end, cal, hours)).toBe(d);
    }
  });

  it('is monotone in the duration and in the start', () => {
    const r = rng(99);
    for (let i = 0; i < 500; i++) {
      const start = anyStart(r);
      const later = new Date(start.getTime() + int(r, 0, 3 * 1440) * MS_PER_MINUTE);
      const d1 = int(r, 0, 5000);
      const d2 = d1 + int(r, 0, 5000);
      const add = (s: Date, m: number) => addDuration(s, { amount: m, unit: 'minutes' }, 'working', cal, hours).getTime();
      expect(add(start, d1)).toBeLessThanOrEqual(add(start, d2));
      expect(add(start, d1)).toBeLessThanOrEqual(add(later, d1));
    }
  });

  it('workingMinutesBetween is additive over a split point', () => {
    const r = rng(5);
    for (let i = 0; i < 300; i++) {
      const a = anyStart(r);
      const b = new Date(a.getTime() + int(r, 0, 10 * 1440) * MS_PER_MINUTE + int(r, 0, 59_999));
      const c = new Date(b.getTime() + int(r, 0, 10 * 1440) * MS_PER_MINUTE);
      const w = (x: Date, y: Date) => workingMinutesBetween(x, y, cal, hours);
      expect(w(a, b) + w(b, c)).toBeCloseTo(w(a, c), 9);
    }
  });
});
