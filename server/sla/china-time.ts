import { AppError } from '../platform/errors.js';

/**
 * China local time without the process time zone. China has had one fixed offset (UTC+8, no DST) since 1991,
 * so shifting by eight hours and reading the UTC fields is exact; relying on `TZ` would make deadlines depend on
 * the server's configuration.
 */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
export const MS_PER_MINUTE = 60 * 1000;
export const MS_PER_DAY = 24 * 60 * 60 * 1000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The China-local calendar date ('YYYY-MM-DD') of an instant. */
export function chinaDate(at: Date | number): string {
  // Built from the fields: the deadline loops call this once per day stepped, and toISOString is 3–5× slower.
  const shifted = new Date(toMs(at) + CHINA_OFFSET_MS);
  const m = shifted.getUTCMonth() + 1;
  const d = shifted.getUTCDate();
  return `${shifted.getUTCFullYear()}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The epoch milliseconds of China-local midnight starting the given 'YYYY-MM-DD' date. */
export function chinaMidnight(date: string): number {
  const { y, m, d } = splitDate(date);
  return Date.UTC(y, m - 1, d) - CHINA_OFFSET_MS;
}

/** The 'YYYY-MM-DD' date `days` calendar days after (or before) the given date. */
export function addDays(date: string, days: number): string {
  const { y, m, d } = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Day of the week of a 'YYYY-MM-DD' date: 0 Sunday … 6 Saturday (the weekday is the same in every zone for a date). */
export function weekdayOf(date: string): number {
  const { y, m, d } = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** True when the string is a real calendar date written 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isIsoDate(date: string): boolean {
  const match = DATE_RE.exec(date);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

function splitDate(date: string): { y: number; m: number; d: number } {
  const match = DATE_RE.exec(date);
  if (!match) throw new AppError('bad_request', `日期格式应为 YYYY-MM-DD：${date}`, { date });
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function toMs(at: Date | number): number {
  return typeof at === 'number' ? at : at.getTime();
}

/** The epoch milliseconds of a Date given as input, rejecting an invalid Date as bad input naming the field. */
export function instantMs(at: Date, field: string): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new AppError('bad_request', `${field} 不是有效的时间`, { field });
  return ms;
}
