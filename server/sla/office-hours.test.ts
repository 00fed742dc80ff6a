import { describe, it, expect } from 'vitest';
import { DEFAULT_OFFICE_HOURS_CONFIG, defaultOfficeHours, parseOfficeHours } from './office-hours.js';

const invalid = expect.objectContaining({ code: 'config_invalid' });

describe('office hours', () => {
  it('defaults to 08:30–12:00 and 13:30–17:30, 450 minutes a day', () => {
    expect(DEFAULT_OFFICE_HOURS_CONFIG).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(defaultOfficeHours.intervals).toEqual([
      { start: 510, end: 720 },
      { start: 810, end: 1050 },
    ]);
    expect(defaultOfficeHours.minutesPerDay).toBe(210 + 240);
  });

  it('accepts other layouts, touching intervals and a 24-hour desk', () => {
    expect(parseOfficeHours([{ start: '09:00', end: '17:00' }]).minutesPerDay).toBe(480);
    expect(parseOfficeHours([{ start: '00:00', end: '24:00' }]).minutesPerDay).toBe(1440);
    const touching = parseOfficeHours([
      { start: '08:00', end: '12:00' },
      { start: '12:00', end: '14:00' },
    ]);
    expect(touching.minutesPerDay).toBe(360);
  });

  it('rejects malformed times', () => {
    expect(() => parseOfficeHours([{ start: '8:30', end: '12:00' }])).toThrow(invalid);
    expect(() => parseOfficeHours([{ start: '08:30', end: '25:00' }])).toThrow(invalid);
    expect(() => parseOfficeHours([{ start: '08:60', end: '12:00' }])).toThrow(invalid);
    expect(() => parseOfficeHours([{ start: '24:00', end: '24:00' }])).toThrow(invalid);
    expect(() => parseOfficeHours('08:30-17:30')).toThrow(invalid);
  });

  it('rejects empty, reversed, unsorted and overlapping intervals', () => {
    expect(() => parseOfficeHours([])).toThrow(invalid);
    expect(() => parseOfficeHours([{ start: '12:00', end: '08:30' }])).toThrow(invalid);
    expect(() => parseOfficeHours([{ start: '12:00', end: '12:00' }])).toThrow(invalid);
    expect(() =>
      parseOfficeHours([
        { start: '13:30', end: '17:30' },
        { start: '08:30', end: '12:00' },
      ]),
    ).toThrow(invalid);
    expect(() =>
      parseOfficeHours([
        { start: '08:30', end: '12:00' },
        { start: '11:30', end: '17:30' },
      ]),
    ).toThrow(invalid);
  });

  it('names the offending field in the error details', () => {
    try {
      parseOfficeHours([
        { start: '08:30', end: '12:00' },
        { start: '11:30', end: '17:30' },
      ]);
      expect.unreachable();
    } catch (e) {
      const issues = (e as { details: { issues: Array<{ path: unknown[] }> } }).details.issues;
      expect(issues.map((i) => i.path)).toContainEqual([1, 'start']);
    }
  });
});
