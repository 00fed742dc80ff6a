import { cockpitMeasures, type CockpitMeasure } from '../db/schema/cockpit.js';
import type { Totals } from './aggregate.js';
import { medianOf } from './buckets.js';

/** The KPIs of one group and period, as docs/KPIS.md defines them. Rates are fractions 0–1; minutes are working minutes. */
export interface Kpis {
  received: number;
  merged: number;
  urgent: number;
  open: number;
  dispatched: number;
  accepted: number;
  acceptedOnTime: number;
  acceptedOnTimeRate: number | null;
  firstResponse48h: number;
  firstResponse48hRate: number | null;
  resolved: number;
  resolvedOnTime: number;
  resolvedOnTimeRate: number | null;
  resolutionRate: number | null;
  acceptMinutesMean: number | null;
  acceptMinutesMedian: number | null;
  resolveMinutesMean: number | null;
  resolveMinutesMedian: number | null;
  returns: number;
  returnedCases: number;
  buckPassing: number;
  escalated: number;
  supervisionOrders: number;
  overdue: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  satisfactionRate: number | null;
  reopened: number;
  reopenRate: number | null;
}

/** Every KPI name, in presentation order. */
export const kpiNames = [
  'received', 'merged', 'urgent', 'open', 'dispatched', 'accepted', 'acceptedOnTime', 'acceptedOnTimeRate', 'firstResponse48h',
  'firstResponse48hRate', 'resolved', 'resolvedOnTime', 'resolvedOnTimeRate', 'resolutionRate', 'acceptMinutesMean', 'acceptMinutesMedian',
  'resolveMinutesMean', 'resolveMinutesMedian', 'returns', 'returnedCases', 'buckPassing', 'escalated', 'supervisionOrders', 'overdue',
  'rated', 'satisfied', 'basicallySatisfied', 'satisfactionRate', 'reopened', 'reopenRate',
] as const satisfies readonly (keyof Kpis)[];
export type KpiName = (typeof kpiNames)[number];

const index = new Map(cockpitMeasures.map((m, i) => [m, i]));
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** The KPIs of totals; medians only when the totals carry histograms (withMedians), else null. */
export function kpisOf(t: Totals, withMedians: boolean): Kpis {
  const get = (m: CockpitMeasure) => t.v[index.get(m)!] ?? 0;
  const effective = get('received') - get('merged');
  return {
    received: get('received'),
    merged: get('merged'),
    urgent: get('urgent'),
    open: get('open'),
    dispatched: get('dispatched'),
    accepted: get('accepted'),
    acceptedOnTime: get('accepted_on_time'),
    acceptedOnTimeRate: ratio(get('accepted_on_time'), get('dispatched')),
    firstResponse48h: get('responded_48h'),
    firstResponse48hRate: ratio(get('responded_48h'), effective),
    resolved: get('resolved'),
    resolvedOnTime: get('resolved_on_time'),
    resolvedOnTimeRate: ratio(get('resolved_on_time'), get('resolved')),
    resolutionRate: ratio(get('resolved'), effective),
    acceptMinutesMean: ratio(get('accept_minutes'), get('accept_timed')),
    acceptMinutesMedian: withMedians ? medianOf(t.accept) : null,
    resolveMinutesMean: ratio(get('resolve_minutes'), get('resolve_timed')),
    resolveMinutesMedian: withMedians ? medianOf(t.resolve) : null,
    returns: get('returns'),
    returnedCases: get('returned'),
    buckPassing: get('buck_passing'),
    escalated: get('escalated'),
    supervisionOrders: get('supervision_orders'),
    overdue: get('overdue'),
    rated: get('rated'),
    satisfied: get('satisfied'),
    basicallySatisfied: get('basically_satisfied'),
    satisfactionRate: ratio(get('satisfied') + get('basically_satisfied'), get('rated')),
    reopened: get('reopened'),
    reopenRate: ratio(get('reopened'), get('resolved_ever')),
  };
}

/** Change of each KPI against an earlier value: the difference, and the relative change when the earlier was not 0. */
export function changeOf(now: Kpis, before: Kpis): Record<KpiName, { delta: number | null; relative: number | null }> {
  const out = {} as Record<KpiName, { delta: number | null; relative: number | null }>;
  for (const k of kpiNames) {
    const a = now[k];
    const b = before[k];
    out[k] = a === null || b === null ? { delta: null, relative: null } : { delta: a - b, relative: b !== 0 ? (a - b) / Math.abs(b) : null };
  }
  return out;
}

/** The measure a KPI counts, for the drill-down from a figure to its cases (rates and times drill to their numerator). */
export const kpiMeasure: Record<KpiName, CockpitMeasure> = {
  received: 'received', merged: 'merged', urgent: 'urgent', open: 'open', dispatched: 'dispatched', accepted: 'accepted',
  acceptedOnTime: 'accepted_on_time', acceptedOnTimeRate: 'accepted_on_time', firstResponse48h: 'responded_48h', firstResponse48hRate: 'responded_48h',
  resolved: 'resolved', resolvedOnTime: 'resolved_on_time', resolvedOnTimeRate: 'resolved_on_time', resolutionRate: 'resolved',
  acceptMinutesMean: 'accept_timed', acceptMinutesMedian: 'accept_timed', resolveMinutesMean: 'resolve_timed', resolveMinutesMedian: 'resolve_timed',
  returns: 'returned', returnedCases: 'returned', buckPassing: 'buck_passing', escalated: 'escalated', supervisionOrders: 'escalated',
  overdue: 'overdue', rated: 'rated', satisfied: 'satisfied', basicallySatisfied: 'basically_satisfied', satisfactionRate: 'rated',
  reopened: 'reopened', reopenRate: 'reopened',
};

/**
 * The cases a rate, mean or median rests on (its denominator): 'effective' is received − merged. Counts rest on no
 * sample and have none. Used to keep groups of a handful of cases out of league-table ranks (docs/KPIS.md).
 */
const kpiBase: Partial<Record<KpiName, CockpitMeasure | 'effective'>> = {
  acceptedOnTimeRate: 'dispatched', firstResponse48hRate: 'effective', resolvedOnTimeRate: 'resolved', resolutionRate: 'effective',
  acceptMinutesMean: 'accept_timed', acceptMinutesMedian: 'accept_timed', resolveMinutesMean: 'resolve_timed', resolveMinutesMedian: 'resolve_timed',
  satisfactionRate: 'rated', reopenRate: 'resolved_ever',
};

/** How many cases the KPI k of these totals rests on, or null for a count. */
export function baseOf(t: Totals, k: KpiName): number | null {
  const base = kpiBase[k];
  if (!base) return null;
  const get = (m: CockpitMeasure) => t.v[index.get(m)!] ?? 0;
  return base === 'effective' ? get('received') - get('merged') : get(base);
}
