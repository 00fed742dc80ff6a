/** The cockpit's filters: what the URL holds, the defaults, and the API query they make. Pure. */
import type { ApiFilters, TrendInterval } from './cockpit-types.js';

/** The page's filters: a period (China dates, inclusive), at most one place, at most one category. */
export interface CockpitFilters {
  from: string;
  to: string;
  townshipId?: string;
  villageId?: string;
  gridId?: string;
  categoryId?: string;
}

/** The kinds of place the area filter chooses from. */
export type PlaceKind = 'township' | 'village' | 'grid';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 86_400_000;
/** The server refuses periods longer than three years. */
export const MAX_PERIOD_DAYS = 3 * 366;

const isDate = (s: string | null): s is string => s !== null && DATE_RE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Today's date in China (the server's calendar), whatever the browser's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A date n days later (earlier when negative). */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days in a period, both ends included. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The default period, as the server's: the 30 days up to today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addDays(today, -29), to: today };
}

/** The filters a URL's query holds; anything malformed falls back to the default (a shared link never breaks). */
export function readFilters(params: URLSearchParams, today: string): CockpitFilters {
  const from = params.get('from');
  const to = params.get('to');
  const period = isDate(from) && isDate(to) && from <= to && periodDays(from, to) <= MAX_PERIOD_DAYS ? { from, to } : defaultPeriod(today);
  const id = (key: string) => {
    const v = params.get(key);
    return v && ID_RE.test(v) ? v : undefined;
  };
  // One place only, the most specific one: a grid lies in one village and one township anyway.
  const place: Partial<CockpitFilters> = id('gridId') ? { gridId: id('gridId') } : id('villageId') ? { villageId: id('villageId') } : id('townshipId') ? { townshipId: id('townshipId') } : {};
  const categoryId = id('categoryId');
  return { ...period, ...place, ...(categoryId ? { categoryId } : {}) };
}

/** The URL query of filters; the default period is left out so a plain link follows the days. */
export function writeFilters(f: CockpitFilters, today: string): Record<string, string> {
  const d = defaultPeriod(today);
  const out: Record<string, string> = {};
  if (f.from !== d.from || f.to !== d.to) Object.assign(out, { from: f.from, to: f.to });
  for (const key of ['townshipId', 'villageId', 'gridId', 'categoryId'] as const) {
    const v = f[key];
    if (v) out[key] = v;
  }
  return out;
}

/** The filters with a different place (or none): the other place fields are dropped. */
export function withPlace(f: CockpitFilters, kind: PlaceKind | null, id: string | null): CockpitFilters {
  const { townshipId: _t, villageId: _v, gridId: _g, ...rest } = f;
  return kind && id ? { ...rest, [`${kind}Id`]: id } : rest;
}

/** The place the filters name, if any. */
export function placeOf(f: CockpitFilters): { kind: PlaceKind; id: string } | null {
  if (f.gridId) return { kind: 'grid', id: f.gridId };
  if (f.villageId) return { kind: 'village', id: f.villageId };
  if (f.townshipId) return { kind: 'township', id: f.townshipId };
  return null;
}

/** The query every cockpit endpoint takes for these filters. */
export function apiFilters(f: CockpitFilters): ApiFilters {
  const out: ApiFilters = { from: f.from, to: f.to };
  if (f.townshipId) out.townshipId = f.townshipId;
  if (f.villageId) out.villageId = f.villageId;
  if (f.gridId) out.gridId = f.gridId;
  if (f.categoryId) out.categoryId = f.categoryId;
  return out;
}

/** A trend's step for a period: days up to about six weeks, weeks up to about half a year, then months. */
export function intervalFor(from: string, to: string): TrendInterval {
  const days = periodDays(from, to);
  return days <= 45 ? 'day' : days <= 190 ? 'week' : 'month';
}
