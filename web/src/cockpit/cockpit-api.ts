import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../app/api.js';
import type { CasePage } from '../cases/case-types.js';
import { apiFilters } from './cockpit-filters.js';
import type { CockpitFilters } from './cockpit-filters.js';
import type {
  BreakdownBy, BreakdownReply, HotspotsReply, KpiName, LiveReply, MapMetric, MapReply, ReportItem, SummaryReply, TrendInterval, TrendReply,
} from './cockpit-types.js';
import { drillQuery } from './drill.js';
import type { DrillTarget } from './drill.js';

/** Every cockpit query starts with this key. */
export const cockpitKey = ['cockpit'] as const;

// The figures change slowly (rollups fold every 2 s; a period's totals move by a case at a time): while a filter
// changes, the previous answer stays on screen instead of blanking the charts, and a page left open on a wall display
// reads them again every five minutes.
const figures = { placeholderData: keepPreviousData, staleTime: 60_000, refetchInterval: 300_000 } as const;

/** Every KPI of the period with the change against the previous period of the same length. */
export function useSummary(f: CockpitFilters) {
  const query = apiFilters(f);
  return useQuery({ queryKey: [...cockpitKey, 'summary', query], queryFn: ({ signal }) => api<SummaryReply>('/api/cockpit/summary', { query: { ...query }, signal }), ...figures });
}

/** KPIs per day, week or month, one series per category (a level below the category filter). */
export function useTrend(f: CockpitFilters, interval: TrendInterval) {
  const query = { ...apiFilters(f), interval, by: 'category' };
  return useQuery({ queryKey: [...cockpitKey, 'trend', query], queryFn: ({ signal }) => api<TrendReply>('/api/cockpit/trend', { query, signal }), ...figures });
}

/** KPIs per group of one dimension (by=unit sorted by a KPI is the league table of units; the server ranks). */
export function useBreakdown(f: CockpitFilters, by: BreakdownBy, sort: KpiName = 'received', order: 'asc' | 'desc' = 'desc') {
  const query = { ...apiFilters(f), by, sort, order };
  return useQuery({ queryKey: [...cockpitKey, 'breakdown', query], queryFn: ({ signal }) => api<BreakdownReply>('/api/cockpit/breakdown', { query, signal }), ...figures });
}

/** A value per grid for shading the map. */
export function useMapFigures(f: CockpitFilters, metric: MapMetric) {
  const query = { ...apiFilters(f), metric };
  return useQuery({ queryKey: [...cockpitKey, 'map', query], queryFn: ({ signal }) => api<MapReply>('/api/cockpit/map', { query, signal }), ...figures });
}

/** The most reported categories by township, with their growth. */
export function useHotspots(f: CockpitFilters, limit = 10) {
  const query = { ...apiFilters(f), limit };
  return useQuery({ queryKey: [...cockpitKey, 'hotspots', query], queryFn: ({ signal }) => api<HotspotsReply>('/api/cockpit/hotspots', { query, signal }), ...figures });
}

/** Point-in-time counters for the place filtered (no period), re-read every 30 seconds and on case events. */
export function useLive(f: CockpitFilters) {
  const { from: _f, to: _t, ...query } = apiFilters(f);
  return useQuery({
    queryKey: [...cockpitKey, 'live', query],
    queryFn: ({ signal }) => api<LiveReply>('/api/cockpit/live', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

/** One page of the cases behind a figure. */
export function useDrillCases(f: CockpitFilters, target: DrillTarget | null, page: number, pageSize: number) {
  const query = target ? drillQuery(f, target, page, pageSize) : {};
  return useQuery({
    queryKey: [...cockpitKey, 'cases', query],
    enabled: target !== null,
    queryFn: ({ signal }) => api<CasePage>('/api/cockpit/cases', { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The stored monthly reports the caller may read, newest month first. */
export function useReports() {
  return useQuery({
    queryKey: [...cockpitKey, 'reports'],
    queryFn: ({ signal }) => api<{ items: ReportItem[] }>('/api/cockpit/reports', { signal }).then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}
