import { z } from 'zod';
import { AppError } from '../platform/errors.js';

/**
 * Office hours (办公时间) of a working day in China local time, as intervals; working-time deadlines count only
 * these minutes. A deployment configures them as 'HH:MM' strings; the maths use minutes after midnight.
 */
export interface OfficeInterval {
  /** Minutes after local midnight when the office opens (inclusive). */
  start: number;
  /** Minutes after local midnight when it closes (exclusive); 1440 means midnight at the end of the day. */
  end: number;
}

export interface OfficeHours {
  intervals: readonly OfficeInterval[];
  /** Office minutes in one working day: what one working day is worth. */
  minutesPerDay: number;
}

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间应为 HH:MM（00:00–24:00）');

/** The zod schema of configured office hours: sorted, non-overlapping 'HH:MM' intervals (touching is allowed). */
export const officeHoursSchema = z
  .array(z.object({ start: hhmm, end: hhmm }))
  .min(1, '至少需要一个办公时段')
  .superRefine((list, ctx) => {
    list.forEach((iv, i) => {
      if (iv.start === '24:00') ctx.addIssue({ code: 'custom', path: [i, 'start'], message: '开始时间不能是 24:00' });
      if (toMinutes(iv.end) <= toMinutes(iv.start)) {
        ctx.addIssue({ code: 'custom', path: [i, 'end'], message: '结束时间必须晚于开始时间' });
      }
      const previous = list[i - 1];
      if (previous && toMinutes(iv.start) < toMinutes(previous.end)) {
        ctx.addIssue({ code: 'custom', path: [i, 'start'], message: '办公时段须按时间顺序排列且互不重叠' });
      }
    });
  });

export type OfficeHoursConfig = z.input<typeof officeHoursSchema>;

/** The usual hours of a Chinese government office: 08:30–12:00 and 13:30–17:30 (7.5 hours). */
export const DEFAULT_OFFICE_HOURS_CONFIG: OfficeHoursConfig = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

/** Validates configured office hours and turns them into minutes; bad configuration throws config_invalid. */
export function parseOfficeHours(config: unknown): OfficeHours {
  const parsed = officeHoursSchema.safeParse(config);
  if (!parsed.success) {
    throw new AppError('config_invalid', '办公时间配置无效', { issues: parsed.error.issues });
  }
  const intervals = parsed.data.map((iv) => ({ start: toMinutes(iv.start), end: toMinutes(iv.end) }));
  const minutesPerDay = intervals.reduce((sum, iv) => sum + (iv.end - iv.start), 0);
  return { intervals, minutesPerDay };
}

/** The default office hours, parsed once. */
export const defaultOfficeHours: OfficeHours = parseOfficeHours(DEFAULT_OFFICE_HOURS_CONFIG);

function toMinutes(hm: string): number {
  return Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
}
