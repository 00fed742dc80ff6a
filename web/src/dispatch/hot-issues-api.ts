import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseStatus } from '../../../common/cases.js';
import { api } from '../app/api.js';

/** One case behind a hot issue. */
export interface HotIssueCase {
  id: string;
  number: string;
  title: string;
  status: CaseStatus;
  receivedAt: string;
}

/** A hot issue (GET /api/dispatch/hotspots): similar recent reports in one place, with their heat. */
export interface HotIssue {
  placeId: string | null;
  placeName: string | null;
  label: string;
  keywords: string[];
  heat: number;
  cases: number;
  /** Distinct people who reported a case of it or follow one. */
  reporters: number;
  growth: { last7Days: number; previous7Days: number };
  caseIds: string[];
  caseList: HotIssueCase[];
  firstAt: string;
  lastAt: string;
}

export interface HotIssuesAnswer {
  items: HotIssue[];
  days: number;
  level: 'township' | 'grid';
  casesConsidered: number;
  truncated: boolean;
  computedAt: string;
}

/** The hot issues of the caller's reach over the last `days` days, by township or grid. */
export function useHotIssues(days: number, level: 'township' | 'grid') {
  return useQuery({
    queryKey: ['dispatch', 'hot-issues', days, level],
    queryFn: ({ signal }) => api<HotIssuesAnswer>('/api/dispatch/hotspots', { query: { days, level }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
