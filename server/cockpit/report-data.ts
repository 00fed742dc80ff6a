import type { Db } from '../db/client.js';
import { aggregate, emptyTotals } from './aggregate.js';
import { monthRange, previousMonth } from './days.js';
import type { Dims } from './dims.js';
import { changeOf, kpisOf, type Kpis, type KpiName } from './kpis.js';
import { noFilter, type DimFilter, type Level } from './planner.js';
import { MIN_RANKED_CASES } from './ranking.js';

/** Everything a monthly report shows, for the county or one unit. */
export interface MonthlyReport {
  month: string;
  previousMonth: string;
  /** Null for the county. */
  unitId: string | null;
  subject: string;
  kpis: Kpis;
  previousKpis: Kpis;
  change: Record<KpiName, { delta: number | null; relative: number | null }>;
  /** County-wide: units with the longest median time to resolve (at least MIN_RESOLVED resolved cases). */
  slowestUnits: { unitId: string; name: string; resolved: number; resolveMinutesMedian: number | null; resolveMinutesMean: number | null; resolvedOnTimeRate: number | null }[];
  /** The subject's most reported categories, with last month's count. */
  topProblems: { categoryId: string; code: string; name: string; count: number; previousCount: number }[];
}

/** Units with fewer resolved cases are not ranked as slow: a median of two cases says little. */
export const MIN_RESOLVED = MIN_RANKED_CASES;

/**
 * What a report is about: the county (null), a township (the cases located in it) or another unit (the cases it
 * leads) — townships rarely lead cases themselves, while departments, offices and villages do.
 */
export function subjectFilter(dims: Dims, unitId: string | null): DimFilter {
  const filter = noFilter();
  if (!unitId) return filter;
  const unit = dims.units.get(unitId);
  if (unit?.kind === 'township') filter.places.push({ level: 1 as Level, id: unitId });
  else filter.units.push(unitId);
  return filter;
}

/** The county-wide league of slow units for a month (computed once for all of that month's reports). */
export async function slowestUnits(db: Db, dims: Dims, month: string, limit = 10): Promise<MonthlyReport['slowestUnits']> {
  const [byUnit] = await aggregate(db, dims, { intervals: [monthRange(month)], filter: noFilter(), groups: ['unit'], hist: true });
  return [...byUnit!]
    .map(([unitId, t]) => ({ unitId, k: kpisOf(t, true) }))
    .filter((u) => dims.units.has(u.unitId) && u.k.resolved >= MIN_RESOLVED && u.k.resolveMinutesMedian !== null)
    .sort((a, b) => b.k.resolveMinutesMedian! - a.k.resolveMinutesMedian! || b.k.resolved - a.k.resolved)
    .slice(0, limit)
    .map((u) => ({
      unitId: u.unitId,
      name: dims.units.get(u.unitId)!.name,
      resolved: u.k.resolved,
      resolveMinutesMedian: u.k.resolveMinutesMedian,
      resolveMinutesMean: u.k.resolveMinutesMean,
      resolvedOnTimeRate: u.k.resolvedOnTimeRate,
    }));
}

/** The data of one monthly report: KPIs, change against last month, the slow units and the top problems. */
export async function monthlyReportData(db: Db, dims: Dims, month: string, unitId: string | null, slow?: MonthlyReport['slowestUnits']): Promise<MonthlyReport> {
  const prev = previousMonth(month);
  const filter = subjectFilter(dims, unitId);
  const intervals = [monthRange(prev), monthRange(month)];
  const [[before, now], [catBefore, catNow], slowest] = await Promise.all([
    aggregate(db, dims, { intervals, filter, hist: true }),
    aggregate(db, dims, { intervals, filter, groups: ['category'] }),
    slow ? Promise.resolve(slow) : slowestUnits(db, dims, month),
  ]);
  const kpis = kpisOf(now!.get('') ?? emptyTotals(), true);
  const previousKpis = kpisOf(before!.get('') ?? emptyTotals(), true);
  const topProblems = [...catNow!]
    .map(([categoryId, t]) => ({ categoryId, count: t.v[0]!, previousCount: catBefore!.get(categoryId)?.v[0] ?? 0 }))
    .filter((p) => p.count > 0)
    .sort((a, b) => b.count - a.count || a.categoryId.localeCompare(b.categoryId))
    .slice(0, 10)
    .map((p) => ({ ...p, code: dims.categories.get(p.categoryId)?.code ?? '', name: dims.categories.get(p.categoryId)?.name ?? '未分类' }));
  const subject = unitId ? (dims.units.get(unitId)?.name ?? unitId) : ([...dims.units.values()].find((u) => u.kind === 'county')?.name ?? '全县');
  return { month, previousMonth: prev, unitId, subject, kpis, previousKpis, change: changeOf(kpis, previousKpis), slowestUnits: slowest, topProblems };
}
