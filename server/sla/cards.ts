import { AppError } from '../platform/errors.js';
import type { WorkCalendar } from './calendar.js';
import { instantMs } from './china-time.js';
import type { OfficeHours } from './office-hours.js';
import { addInMode, spanInMode } from './working-time.js';
import type { ClockMode } from './working-time.js';

/** The warning shown on a case: 黄牌 yellow when near the deadline, 红牌 red once past it. */
export type Card = 'none' | 'yellow' | 'red';

/**
 * The instant when `share` (0…1, e.g. 0.8) of the time from `start` to `deadline` has passed, measured by the
 * mode's clock: the yellow-card time. In working mode 80 % of 5 working days is 4 working days, not 4 calendar days.
 * For a case with suspensions, pass the scaled allowance to deadlineWithPauses instead (amount × share), which
 * leaves the suspended time out of the 80 % as well.
 */
export function warningAt(
  start: Date,
  deadline: Date,
  share: number,
  mode: ClockMode,
  cal: WorkCalendar,
  hours: OfficeHours,
): Date {
  if (!Number.isFinite(share) || share < 0 || share > 1) {
    throw new AppError('bad_request', '预警比例必须在 0 到 1 之间', { share });
  }
  const startMs = instantMs(start, 'start');
  const allowed = spanInMode(startMs, instantMs(deadline, 'deadline'), mode, cal, hours);
  return new Date(addInMode(startMs, Math.round(allowed * share), mode, cal, hours));
}

/**
 * The card a case shows at `now`: red strictly after the deadline (the deadline itself is still on time), yellow
 * from the warning time on, none before. A null deadline means the clock is stopped (suspended): no card.
 */
export function cardFor(now: Date, warning: Date | null, deadline: Date | null): Card {
  if (deadline === null) return 'none';
  const nowMs = instantMs(now, 'now');
  if (nowMs > instantMs(deadline, 'deadline')) return 'red';
  if (warning !== null && nowMs >= instantMs(warning, 'warningAt')) return 'yellow';
  return 'none';
}
