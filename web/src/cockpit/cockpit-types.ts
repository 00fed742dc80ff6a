/** The cockpit API's shapes (server/cockpit/schema.ts; definitions in docs/KPIS.md). */

/** Every KPI the API reports, in the server's order. */
export const kpiNames = [
  'received', 'merged', 'urgent', 'open', 'dispatched', 'accepted', 'acceptedOnTime', 'acceptedOnTimeRate', 'firstResponse48h',
  'firstResponse48hRate', 'resolved', 'resolvedOnTime', 'resolvedOnTimeRate', 'resolutionRate', 'acceptMinutesMean', 'acceptMinutesMedian',
  'resolveMinutesMean', 'resolveMinutesMedian', 'returns', 'returnedCases', 'buckPassing', 'escalated', 'supervisionOrders', 'overdue',
  'rated', 'satisfied', 'basicallySatisfied', 'satisfactionRate', 'reopened', 'reopenRate',
] as const;
export type KpiName = (typeof kpiNames)[number];

/** The KPIs of one group and period: counts, rates (fractions 0–1) and working minutes; null when undefined. */
export type Kpis = Record<KpiName, number | null>;

/** A period of China dates, inclusive. */
export interface Period {
  from: string;
  to: string;
}

/** The filters every figure takes (API names); absent means everything in reach. */
export interface ApiFilters {
  from?: string;
  to?: string;
  townshipId?: string;
  villageId?: string;
  gridId?: string;
  unitId?: string;
  categoryId?: string;
  channel?: string;
}

export interface KpiChange {
  delta: number | null;
  relative: number | null;
}

export interface SummaryReply {
  period: Period;
  previous: Period;
  kpis: Kpis;
  previousKpis: Kpis;
  change: Record<KpiName, KpiChange>;
}

export type TrendInterval = 'day' | 'week' | 'month';

export interface TrendReply {
  period: Period;
  interval: TrendInterval;
  by: 'category' | 'channel' | null;
  intervals: Period[];
  series: Array<{ key: string; name: string; points: Kpis[] }>;
}

export type BreakdownBy = 'category' | 'channel' | 'unit' | 'township' | 'village' | 'grid';

export interface BreakdownGroup {
  key: string;
  name: string;
  /** The place in the league, or null when the sort KPI rests on fewer than minCases cases (or is undefined). */
  rank: number | null;
  kpis: Kpis;
}

export interface BreakdownReply {
  period: Period;
  by: BreakdownBy;
  sort: KpiName;
  order: 'asc' | 'desc';
  minCases: number;
  groups: BreakdownGroup[];
}

export const mapMetrics = ['cases', 'density', 'resolution_rate', 'overdue', 'satisfaction'] as const;
export type MapMetric = (typeof mapMetrics)[number];

export interface MapItem {
  gridId: string;
  name: string;
  villageId: string;
  townshipId: string;
  value: number | null;
  received: number;
}

export interface MapReply {
  period: Period;
  metric: MapMetric;
  items: MapItem[];
  min: number | null;
  max: number | null;
}

export interface Hotspot {
  categoryId: string;
  categoryCode: string;
  categoryName: string;
  townshipId: string;
  townshipName: string;
  count: number;
  previousCount: number;
  growth: number | null;
}

export interface HotspotsReply {
  period: Period;
  previous: Period;
  items: Hotspot[];
}

export interface LiveReply {
  asOf: string;
  openNow: number;
  overdueNow: number;
  receivedToday: number;
  urgentOpen: number;
}

export interface ReportItem {
  id: string;
  kind: 'monthly';
  period: string;
  unitId: string | null;
  unitName: string;
  format: 'xlsx' | 'html';
  filename: string;
  size: number;
  createdAt: string;
}

/** The group key the server uses for "none" (未分类, 未派单, 未定位): not an id any filter accepts. */
export const NONE_KEY = '00000000-0000-0000-0000-000000000000';
