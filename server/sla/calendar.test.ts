import { describe, it, expect } from 'vitest';
import { createWorkCalendar } from './calendar.js';
import { addDays, chinaDate, chinaMidnight, isIsoDate, weekdayOf } from './china-time.js';

describe('China local dates', () => {
  it('turns an instant into the UTC+8 date, switching at 16:00 UTC', () => {
    expect(chinaDate(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
    expect(chinaDate(new Date('2026-09-30T16:00:00.000Z'))).toBe('2026-10-01');
    expect(new Date(chinaMidnight('2026-10-01')).toISOString()).toBe('2026-09-30T16:00:00.000Z');
  });

  it('adds days across month and year ends and knows weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-10-10')).toBe(6);
    expect(weekdayOf('2026-10-11')).toBe(0);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-2-1')).toBe(false);
  });
});

describe('WorkCalendar from chinese-days', () => {
  const cal = createWorkCalendar();

  it('knows the 2026 National Day holiday (Oct 1–7) and its make-up days (Sun Sep 20, Sat Oct 10)', () => {
    for (let d = 1; d <= 7; d++) expect(cal.isWorkday(`2026-10-0${d}`)).toBe(false);
    expect(cal.isWorkday('2026-09-30')).toBe(true);
    expect(cal.isWorkday('2026-10-08')).toBe(true);
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    expect(cal.isWorkday('2026-09-20')).toBe(true);
    expect(cal.isWorkday('2026-10-11')).toBe(false);
    expect(cal.isWorkday('2026-09-25')).toBe(false); // 中秋, a Friday
  });

  it('knows the 2026 Spring Festival (Feb 15–23) with make-up Saturdays Feb 14 and Feb 28', () => {
    expect(cal.isWorkday('2026-02-14')).toBe(true);
    expect(cal.isWorkday('2026-02-23')).toBe(false);
    expect(cal.isWorkday('2026-02-24')).toBe(true);
    expect(cal.isWorkday('2026-02-28')).toBe(true);
    expect(cal.isWorkday('2026-03-01')).toBe(false);
  });

  it('reports which years carry official data: 2026 yes, 2027 not yet', () => {
    expect(cal.hasOfficialData(2026)).toBe(true);
    expect(cal.hasOfficialData(2004)).toBe(true);
    expect(cal.hasOfficialData(2027)).toBe(false);
    // Without data a year falls back to Monday–Friday: Spring Festival 2027 (Feb 6) is not known.
    expect(cal.isWorkday('2027-02-08')).toBe(true);
    expect(cal.isWorkday('2027-02-06')).toBe(false);
  });

  // chinese-days' own isWorkday answers for the previous day west of UTC (2026-10-08 → false, 2026-10-11 → true).
  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      const west = createWorkCalendar();
      expect(west.isWorkday('2026-10-08')).toBe(true);
      expect(west.isWorkday('2026-10-11')).toBe(false);
      expect(chinaDate(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('WorkCalendar overrides', () => {
  it('lets a deployment add holidays and workdays that win over the official tables', () => {
    // A deployment's own arrangement, e.g. before the State Council publishes 2027 (illustrative dates).
    const cal = createWorkCalendar([
      { date: '2027-02-08', workday: false },
      { date: '2027-02-20', workday: true },
      { date: '2026-10-10', workday: false },
    ]);
    expect(cal.isWorkday('2027-02-08')).toBe(false);
    expect(cal.isWorkday('2027-02-20')).toBe(true);
    expect(cal.isWorkday('2026-10-10')).toBe(false);
    expect(cal.isWorkday('2026-10-09')).toBe(true);
  });

  it('rejects impossible or contradictory overrides with config_invalid', () => {
    expect(() => createWorkCalendar([{ date: '2026-02-30', workday: false }])).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
    expect(() =>
      createWorkCalendar([
        { date: '2026-05-06', workday: false },
        { date: '2026-05-06', workday: true },
      ]),
    ).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });

  it('rejects a malformed date question with bad_request', () => {
    expect(() => createWorkCalendar().isWorkday('2026/10/10')).toThrow(expect.objectContaining({ code: 'bad_request' }));
    expect(() => createWorkCalendar().isWorkday('2026-02-30')).toThrow(expect.objectContaining({ code: 'bad_request' }));
  });
});
