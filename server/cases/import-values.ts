import type { Cell } from './import-xlsx.js';

/** Beijing time is UTC+8 all year; hotline exports write wall-clock times in it. */
const chinaOffsetMs = 8 * 3600_000;
/** How far ahead of the server clock a call time may lie before we call it a typing error (clock skew between systems). */
const futureSlackMs = 10 * 60_000;

/** The text of a cell, trimmed and without control characters (PostgreSQL text refuses NUL); '' when empty. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  const text = cell instanceof Date ? cell.toISOString() : String(cell);
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

/** A coordinate from a number cell or text (full-width digits allowed): null when empty, NaN when not a number. */
export function cellNumber(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : Number.NaN;
  const text = cellText(cell).normalize('NFKC');
  if (!text) return null;
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

const urgentWords = new Set(['紧急', '急', '特急', '加急', '是', 'urgent', 'yes', 'y', '1', 'true']);
const normalWords = new Set(['一般', '普通', '正常', '不紧急', '否', 'normal', 'no', 'n', '0', 'false']);

/** 紧急 / 一般 (and their common variants) as our urgency; undefined when empty, null when not recognised. */
export function cellUrgency(cell: Cell | undefined): 'urgent' | 'normal' | undefined | null {
  const text = cellText(cell).normalize('NFKC').toLowerCase();
  if (!text) return undefined;
  if (urgentWords.has(text)) return 'urgent';
  if (normalWords.has(text)) return 'normal';
  return null;
}

const wallClock = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*[T\s]\s*(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.\d+)?秒?)?)?$/;
const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A Beijing wall-clock time as an instant, or null when the parts are not a real date and time. */
function chinaTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (wall.getUTCDate() !== d) return null; // 2 月 30 日
  return new Date(wall.getTime() - chinaOffsetMs);
}

/**
 * When the hotline took the call: a date cell (exceljs gives Excel's wall clock as if it were UTC), an Excel serial
 * number, or text such as 2026-11-15 09:30, 2026/11/15 9:30:00, 2026年11月15日 or ISO 8601 with a zone. Times without a
 * zone are Beijing time. Returns undefined when empty, and an error message when unreadable or in the future.
 */
export function cellCallTime(cell: Cell | undefined, now: Date): Date | undefined | { error: string } {
  let at: Date | null;
  if (cell instanceof Date) at = Number.isNaN(cell.getTime()) ? null : new Date(cell.getTime() - chinaOffsetMs);
  else if (typeof cell === 'number') at = cell > 20000 && cell < 80000 ? new Date(Date.UTC(1899, 11, 30) + Math.round(cell * 86400_000) - chinaOffsetMs) : null;
  else {
    const text = cellText(cell).normalize('NFKC');
    if (!text) return undefined;
    const m = wallClock.exec(text);
    if (m) at = chinaTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    else at = withZone.test(text) && !Number.isNaN(Date.parse(text)) ? new Date(text) : null;
  }
  if (!at) return { error: '来电时间无法识别，请写成 2026-11-15 09:30 (unreadable call time)' };
  if (at.getTime() > now.getTime() + futureSlackMs) return { error: '来电时间晚于当前时间 (call time is in the future)' };
  return at;
}
