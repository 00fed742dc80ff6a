import { describe, expect, it } from 'vitest';
import { addDays, apiFilters, chinaToday, defaultPeriod, intervalFor, periodDays, placeOf, readFilters, withPlace, writeFilters } from './cockpit-filters.js';

const T = '11111111-2222-4333-8444-555555555555';
const V = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const G = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';

describe('cockpit filters', () => {
  it('takes today from China’s calendar: 17:00 UTC is already the next day in Beijing', () => {
    expect(chinaToday(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(chinaToday(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });

  it('defaults to the 30 days up to today, across a month and a year end', () => {
    expect(defaultPeriod('2026-11-23')).toEqual({ from: '2026-10-25', to: '2026-11-23' });
    expect(defaultPeriod('2027-01-10')).toEqual({ from: '2026-12-12', to: '2027-01-10' });
    expect(periodDays('2026-10-25', '2026-11-23')).toBe(30);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('reads a shared link back into the same filters', () => {
    const f = { from: '2026-09-01', to: '2026-09-30', villageId: V, categoryId: G };
    const params = new URLSearchParams(writeFilters(f, '2026-11-23'));
    expect(readFilters(params, '2026-11-23')).toEqual(f);
  });

  it('leaves the default period out of the URL', () => {
    expect(writeFilters({ ...defaultPeriod('2026-11-23'), townshipId: T }, '2026-11-23')).toEqual({ townshipId: T });
  });

  it('falls back to the default on malformed or reversed dates, and drops ids that are not ids', () => {
    const today = '2026-11-23';
    for (const q of ['from=2026-13-01&to=2026-11-01', 'from=2026-11-20&to=2026-11-01', 'from=2026-02-30&to=2026-03-01', 'from=2020-01-01&to=2026-11-01']) {
      expect(readFilters(new URLSearchParams(q), today), q).toEqual(defaultPeriod(today));
    }
    expect(readFilters(new URLSearchParams(`townshipId=x';drop&categoryId=${G}`), today)).toEqual({ ...defaultPeriod(today), categoryId: G });
  });

  it('keeps one place only, the most specific', () => {
    const f = readFilters(new URLSearchParams(`townshipId=${T}&villageId=${V}&gridId=${G}`), '2026-11-23');
    expect(placeOf(f)).toEqual({ kind: 'grid', id: G });
    expect(f.townshipId).toBeUndefined();
  });

  it('replaces the place and keeps the rest', () => {
    const f = { from: '2026-11-01', to: '2026-11-23', gridId: G, categoryId: V };
    expect(withPlace(f, 'township', T)).toEqual({ from: '2026-11-01', to: '2026-11-23', townshipId: T, categoryId: V });
    expect(withPlace(f, null, null)).toEqual({ from: '2026-11-01', to: '2026-11-23', categoryId: V });
    expect(apiFilters(withPlace(f, 'village', V))).toEqual({ from: '2026-11-01', to: '2026-11-23', villageId: V, categoryId: V });
  });

  it('steps a trend by days, weeks or months as the period grows', () => {
    expect(intervalFor('2026-10-25', '2026-11-23')).toBe('day');
    expect(intervalFor('2026-06-01', '2026-11-23')).toBe('week');
    expect(intervalFor('2025-11-24', '2026-11-23')).toBe('month');
  });
});
