/** Turns cockpit answers into what the charts draw: the largest series, the rest folded into one. Pure. */
import type { BreakdownGroup, KpiName, Period, ReportItem, TrendInterval, TrendReply } from './cockpit-types.js';

/** The key of the folded "others" series or slice; it drills by period only. */
export const OTHERS = 'others';

/** One series of the trend chart. */
export interface TrendLine {
  key: string;
  name: string;
  values: number[];
}

/** An interval's axis label: 11-02 for days and weeks (the first day), 2026-11 for months. */
export function intervalLabel(p: Period, interval: TrendInterval): string {
  return interval === 'month' ? p.from.slice(0, 7) : p.from.slice(5);
}

/**
 * The trend's lines for one KPI: the `top` largest series by total, and one more summing the rest (named by the
 * caller) when there is any rest. Series with nothing in the period are left out.
 */
export function trendLines(reply: TrendReply, kpi: KpiName, top: number, othersName: string): TrendLine[] {
  const lines = reply.series
    .map((s) => ({ key: s.key, name: s.name, values: s.points.map((p) => p[kpi] ?? 0) }))
    .map((l) => ({ ...l, total: l.values.reduce((a, b) => a + b, 0) }))
    .filter((l) => l.total > 0)
    .sort((a, b) => b.total - a.total);
  const head = lines.slice(0, top).map(({ total: _t, ...l }) => l);
  const rest = lines.slice(top);
  if (rest.length === 0) return head;
  const values = reply.intervals.map((_, i) => rest.reduce((sum, l) => sum + (l.values[i] ?? 0), 0));
  return [...head, { key: OTHERS, name: othersName, values }];
}

/** One slice of the shares chart. */
export interface Slice {
  key: string;
  name: string;
  value: number;
}

/** The shares of a breakdown by one KPI: the `top` largest, then the rest as one slice; empty groups left out. */
export function slices(groups: readonly BreakdownGroup[], kpi: KpiName, top: number, othersName: string): Slice[] {
  const all = groups.map((g) => ({ key: g.key, name: g.name, value: g.kpis[kpi] ?? 0 })).filter((s) => s.value > 0).sort((a, b) => b.value - a.value);
  if (all.length <= top + 1) return all;
  const rest = all.slice(top).reduce((sum, s) => sum + s.value, 0);
  return [...all.slice(0, top), { key: OTHERS, name: othersName, value: rest }];
}

/** One unit's report of one month, with its spreadsheet and its printable page. */
export interface ReportRow {
  key: string;
  period: string;
  unitId: string | null;
  unitName: string;
  xlsx: ReportItem | null;
  html: ReportItem | null;
}

/** Pairs the stored files by month and unit: newest month first, the county first, then by name. */
export function reportRows(items: readonly ReportItem[]): ReportRow[] {
  const rows = new Map<string, ReportRow>();
  for (const item of items) {
    const key = `${item.period}|${item.unitId ?? ''}`;
    const row = rows.get(key) ?? { key, period: item.period, unitId: item.unitId, unitName: item.unitName, xlsx: null, html: null };
    row[item.format] = item;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => b.period.localeCompare(a.period) || (a.unitId === null ? -1 : b.unitId === null ? 1 : a.unitName.localeCompare(b.unitName, 'zh-CN')),
  );
}
