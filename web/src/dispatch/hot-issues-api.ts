import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HotIssuesAnswer } from '../../../common/hot-issues.js';
import { api } from '../app/api.js';

/** The hot issues of the caller's reach over the last `days` days, by township or grid. */
export function useHotIssues(days: number, level: 'township' | 'grid') {
  return useQuery({
    queryKey: ['dispatch', 'hot-issues', days, level],
    queryFn: ({ signal }) => api<HotIssuesAnswer>('/api/dispatch/hotspots', { query: { days, level }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
