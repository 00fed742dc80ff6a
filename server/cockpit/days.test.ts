import { describe, expect, it } from 'vitest';
import { LEVELS, MAX_LEVEL, dateOf, dayNumber, dayNumberOf, decompose, intervalsOf, monthRange, previousRange, rangeOf } from './days.js';

describe('China days and dyadic blocks', () => {
  it('counts an instant under its China date', () => {
    expect(dateOf(dayNumberOf(new Date('2026-09-30T15:59:59Z')))).toBe('2026-09-30');
    expect(dateOf(dayNumberOf(new Date('2026-09-30T16:00:00Z')))).toBe('2026-10-01');
    expect(dayNumber('2026-10-01')).toBe(dayNumberOf(new Date('2026-10-01T08:00:00+08:00')));
  });

  it('splits any range into aligned blocks of the kept levels that cover it exactly, at most six per level', () => {
    for (const [from, to] of [[20000, 20000], [20001, 20030], [20345, 21440], [0, 20800], [20479, 20480]] as const) {
      const blocks = decompose({ from, to });
      const days = blocks.flatMap((b) => Array.from({ length: 2 ** b.level }, (_, i) => b.block * 2 ** b.level + i));
      expect(days).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
      const perLevel = new Map<number, number>();
      for (const b of blocks) perLevel.set(b.level, (perLevel.get(b.level) ?? 0) + 1);
      // Three per level on each side at most, except the top level, which repeats for spans longer than 1024 days.
      for (const [level, n] of perLevel) {
        expect(LEVELS).toContain(level);
        if (level < MAX_LEVEL) expect(n).toBeLessThanOrEqual(6);
      }
    }
    expect(decompose({ from: 20001, to: 20030 }).length).toBeLessThanOrEqual(12);
    expect(decompose({ from: 20001, to: 20030 }, [0, 1, 2, 3, 4]).length).toBeLessThanOrEqual(8);
  });

  it('cuts trends into days, ISO weeks and calendar months within the period', () => {
    const r = rangeOf(new Date(), '2026-09-30', '2026-10-14');
    const show = (iv: { from: number; to: number }[]) => iv.map((x) => `${dateOf(x.from)}..${dateOf(x.to)}`);
    expect(show(intervalsOf(r, 'week'))).toEqual(['2026-09-30..2026-10-04', '2026-10-05..2026-10-11', '2026-10-12..2026-10-14']);
    expect(show(intervalsOf(r, 'month'))).toEqual(['2026-09-30..2026-09-30', '2026-10-01..2026-10-14']);
    expect(intervalsOf(r, 'day')).toHaveLength(15);
  });

  it('defaults to the last 30 days and compares with the same number of days before', () => {
    const r = rangeOf(new Date('2026-11-16T01:00:00Z'));
    expect([dateOf(r.from), dateOf(r.to)]).toEqual(['2026-10-18', '2026-11-16']);
    const p = previousRange(monthRange('2026-02'));
    expect([dateOf(p.from), dateOf(p.to)]).toEqual(['2026-01-04', '2026-01-31']);
    expect(() => rangeOf(new Date(), '2026-10-02', '2026-10-01')).toThrow(/from is after to/);
  });
});
