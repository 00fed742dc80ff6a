/** Deadline countdowns for cards and lists; pure, so they are tested with fixed clocks. */

/** How far a deadline is from now: the whole span, split into days, hours and minutes. */
export interface Countdown {
  overdue: boolean;
  /** Milliseconds to the deadline (negative when past it). */
  ms: number;
  days: number;
  hours: number;
  minutes: number;
}

/** The countdown to a deadline, or null when there is none. Rounds toward zero so "1小时" means at least one full hour. */
export function countdown(dueIso: string | null | undefined, now: Date): Countdown | null {
  if (!dueIso) return null;
  const due = new Date(dueIso).getTime();
  if (Number.isNaN(due)) return null;
  const ms = due - now.getTime();
  const abs = Math.abs(ms);
  const totalMinutes = Math.floor(abs / 60_000);
  return {
    overdue: ms < 0,
    ms,
    days: Math.floor(totalMinutes / (24 * 60)),
    hours: Math.floor(totalMinutes / 60) % 24,
    minutes: totalMinutes % 60,
  };
}

/** Which unit a span is told in: minutes under an hour, hours under two days, days and hours beyond. */
export type SpanParts = { unit: 'minutes'; m: number } | { unit: 'hours'; h: number } | { unit: 'days'; d: number; h: number };

/** The parts of a countdown worth saying. */
export function spanParts(c: Countdown): SpanParts {
  const totalHours = c.days * 24 + c.hours;
  if (totalHours < 1) return { unit: 'minutes', m: Math.max(c.minutes, 0) };
  if (totalHours < 48) return { unit: 'hours', h: totalHours };
  return { unit: 'days', d: c.days, h: c.hours };
}

/** The colour of a countdown: red when overdue or red-carded, orange when yellow-carded or within the last hours. */
export function urgencyTone(c: Countdown | null, card: 'none' | 'yellow' | 'red'): 'red' | 'orange' | 'default' {
  if (card === 'red' || c?.overdue) return 'red';
  if (card === 'yellow' || (c !== null && c.ms < 4 * 3600_000)) return 'orange';
  return 'default';
}
