import type { Config } from '../config.js';
import { createWorkCalendar } from './calendar.js';
import { parseOfficeHours } from './office-hours.js';

/** The calendar and office hours a deployment counts working time in, from its configuration. */
export function workTimeFromConfig(config: Pick<Config, 'JICENG_OFFICE_HOURS' | 'JICENG_CALENDAR_OVERRIDES'>) {
  const hours = parseOfficeHours(
    config.JICENG_OFFICE_HOURS.split(',').map((span) => {
      const [start, end] = span.split('-');
      return { start, end };
    }),
  );
  const overrides = (config.JICENG_CALENDAR_OVERRIDES ?? '')
    .split(',')
    .filter(Boolean)
    .map((item) => {
      const [date, kind] = item.split(':');
      return { date: date!, workday: kind === 'work' };
    });
  return { calendar: createWorkCalendar(overrides), hours };
}
