/** A drill-down: the cases behind one figure, as GET /api/cockpit/cases answers them. Pure. */
import { apiFilters } from './cockpit-filters.js';
import type { CockpitFilters } from './cockpit-filters.js';
import { NONE_KEY } from './cockpit-types.js';
import type { ApiFilters, KpiName } from './cockpit-types.js';

/** What a click on a figure asks for: the KPI it shows and the filters that narrow the page's own to it. */
export interface DrillTarget {
  /** What the drawer's heading says, e.g. "城管局 · 受理量". */
  title: string;
  kpi: KpiName;
  /** Filters on top of the page's: a category, a grid, a unit, a shorter period. */
  narrow: ApiFilters;
}

/** True when a group key names something the API can filter by (not 未分类 / 未派单 / 未定位). */
export function drillable(key: string | null | undefined): key is string {
  return !!key && key !== NONE_KEY;
}

/** The query of the drill-down: the page's filters, narrowed by the figure, with the KPI and the page wanted. */
export function drillQuery(filters: CockpitFilters, target: DrillTarget, page: number, pageSize: number): Record<string, string | number> {
  const query: Record<string, string | number> = { ...apiFilters(filters) };
  for (const [key, value] of Object.entries(target.narrow)) if (value) query[key] = value;
  return { ...query, kpi: target.kpi, page, pageSize };
}
