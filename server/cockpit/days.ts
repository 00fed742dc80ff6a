import { CHINA_OFFSET_MS, chinaDate, isIsoDate, MS_PER_DAY, weekdayOf } from '../sla/china-time.js';
import { AppError } from '../platform/errors.js';

/**
 * The levels rollups keep: a level-ℓ block covers 2^ℓ days — 1, 4, 16, 64, 256 and 1024 days (about 2.8 years).
 * Every other power of two: half the rows to write and fold of keeping all eleven, for a few more blocks per question.
 */
export const LEVELS = [0, 2, 4, 6, 8, 10] as const;
export const MAX_LEVEL = 10;

/** An inclusive range of China days, as day numbers (days since 1970-01-01 in China time). */
export interface DayRange {
  from: number;
  to: number;
}

/** One dyadic block of days: level ℓ, block b covers days [b·2^ℓ, (b+1)·2^ℓ). */
export interface Block {
  level: number;
  block: number;
}

/** The China day number of an instant (what a case's received time is counted under). */
export function dayNumberOf(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor((ms + CHINA_OFFSET_MS) / MS_PER_DAY);
}

/** The day number of a 'YYYY-MM-DD' China date. */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new AppError('bad_request', `日期格式应为 YYYY-MM-DD：${date}`, { date });
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/** The 'YYYY-MM-DD' date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today's China date. */
export function today(now: Date): string {
  return chinaDate(now);
}

/**
 * Splits a day range into aligned blocks of the kept levels: greedy from the left, always the largest block that
 * starts here and fits (at most three of a level on each side of the largest, so about 30 blocks for three years).
 */
export function decompose(range: DayRange, levels: readonly number[] = LEVELS): Block[] {
  const out: Block[] = [];
  let d = range.from;
  while (d <= range.to) {
    let level = levels[0]!;
    for (const l of levels) if (d % 2 ** l === 0 && d + 2 ** l - 1 <= range.to) level = l;
    out.push({ level, block: Math.floor(d / 2 ** level) });
    d += 2 ** level;
  }
  return out;
}

/** The intervals of a trend: each day, each ISO week (Monday to Sunday) or each calendar month, cut to the range. */
export function intervalsOf(range: DayRange, interval: 'day' | 'week' | 'month'): DayRange[] {
  const out: DayRange[] = [];
  let start = range.from;
  while (start <= range.to) {
    let end: number;
    if (interval === 'day') end = start;
    else if (interval === 'week') end = start + ((7 - weekdayOf(dateOf(start))) % 7);
    else {
      end = dayNumber(`${nextMonth(dateOf(start).slice(0, 7))}-01`) - 1;
    }
    out.push({ from: start, to: Math.min(end, range.to) });
    start = Math.min(end, range.to) + 1;
  }
  return out;
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The day range of a calendar month 'YYYY-MM'. */
export function monthRange(month: string): DayRange {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new AppError('bad_request', `月份格式应为 YYYY-MM：${month}`, { field: 'month' });
  return { from: dayNumber(`${month}-01`), to: dayNumber(`${nextMonth(month)}-01`) - 1 };
}

/** The range of the same length that ends the day before this one starts (what "change" compares with). */
export function previousRange(range: DayRange): DayRange {
  const length = range.to - range.from + 1;
  return { from: range.from - length, to: range.from - 1 };
}

/** The default period: the last 30 days up to today. */
export function defaultRange(now: Date): DayRange {
  const to = dayNumberOf(now);
  return { from: to - 29, to };
}

/** Parses from/to dates (either may be missing) into a range; to defaults to today, from to 29 days before to. */
export function rangeOf(now: Date, from?: string, to?: string): DayRange {
  const end = to ? dayNumber(to) : dayNumberOf(now);
  const start = from ? dayNumber(from) : end - 29;
  if (start > end) throw new AppError('bad_request', '开始日期不能晚于结束日期 (from is after to)', { field: 'from' });
  if (end - start > 3 * 366) throw new AppError('bad_request', '查询区间不能超过三年 (at most three years)', { field: 'from' });
  return { from: start, to: end };
}
