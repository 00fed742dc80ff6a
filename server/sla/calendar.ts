import { z } from 'zod';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { AppError } from '../platform/errors.js';
import { isIsoDate, weekdayOf } from './china-time.js';

/**
 * Which days are working days (工作日) in mainland China: the State Council's holidays and make-up workdays (调休)
 * from `chinese-days`, plus what a deployment configures on top (a local holiday, a year not yet in the package).
 *
 * We read the package's JSON tables rather than call its `isWorkday`: its functions parse 'YYYY-MM-DD' as UTC and
 * then read local fields, so on a server whose TZ is west of UTC every answer is one day off (seen with
 * TZ=America/New_York: getDayDetail('2026-10-10') answers for 2026-10-09). The tables are plain date keys.
 */
export interface WorkCalendar {
  /** True when the China-local date 'YYYY-MM-DD' is a working day. */
  isWorkday(date: string): boolean;
  /** True when chinese-days carries the State Council arrangement for that year; if not, only weekends and overrides apply. */
  hasOfficialData(year: number): boolean;
}

/** One deployment-configured day: an extra holiday (workday: false) or an extra working day (workday: true). */
export interface CalendarOverride {
  date: string;
  workday: boolean;
}

const overridesSchema = z
  .array(
    z.object({
      date: z.string().refine(isIsoDate, '日期应为有效的 YYYY-MM-DD'),
      workday: z.boolean(),
    }),
  )
  .superRefine((list, ctx) => {
    const seen = new Map<string, boolean>();
    list.forEach((o, i) => {
      const before = seen.get(o.date);
      if (before !== undefined && before !== o.workday) {
        ctx.addIssue({ code: 'custom', path: [i, 'workday'], message: `日期 ${o.date} 配置前后矛盾` });
      }
      seen.set(o.date, o.workday);
    });
  });

const officialHolidays: Readonly<Record<string, string>> = chineseDays.holidays;
const officialWorkdays: Readonly<Record<string, string>> = chineseDays.workdays;

// A year the State Council has not yet announced has no entries at all, so the keys tell which years are known.
const officialYears = new Set(Object.keys(officialHolidays).map((d) => Number(d.slice(0, 4))));

/** Builds the working-day calendar from chinese-days and the deployment's overrides (validated; bad config throws). */
export function createWorkCalendar(overrides: readonly CalendarOverride[] = []): WorkCalendar {
  const parsed = overridesSchema.safeParse(overrides);
  if (!parsed.success) {
    throw new AppError('config_invalid', '工作日历的自定义配置无效', { issues: parsed.error.issues });
  }
  const overrideByDate = new Map(parsed.data.map((o) => [o.date, o.workday]));
  // The deadline loops ask about the same few hundred dates over and over; the answer never changes.
  const cache = new Map<string, boolean>();

  return {
    isWorkday(date: string): boolean {
      const cached = cache.get(date);
      if (cached !== undefined) return cached;
      if (!isIsoDate(date)) throw new AppError('bad_request', `日期格式应为 YYYY-MM-DD：${date}`, { date });
      const answer = overrideByDate.get(date) ?? officialAnswer(date);
      cache.set(date, answer);
      return answer;
    },
    hasOfficialData(year: number): boolean {
      return officialYears.has(year);
    },
  };
}

function officialAnswer(date: string): boolean {
  if (officialWorkdays[date] !== undefined) return true;
  if (officialHolidays[date] !== undefined) return false;
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5;
}
