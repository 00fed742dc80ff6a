import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api.js';
import { actionPath } from './case-actions.js';
import type {
  CaseAction,
  CaseDetail,
  CaseGone,
  CasePage,
  CaseQuery,
  Category,
  CreateCaseInput,
  CreatedCase,
} from './case-types.js';

/** Every case query starts with this key, so one invalidation refreshes lists and case pages alike. */
export const casesKey = ['cases'] as const;

/** The query string of GET /api/cases for a filter. */
export function caseQueryString(q: CaseQuery): Record<string, string | number | boolean | undefined> {
  return {
    status: q.status?.length ? q.status.join(',') : undefined,
    unitId: q.unitId,
    card: q.card,
    overdue: q.overdue,
    mine: q.mine ? true : undefined,
    q: q.q,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A page of the cases the caller may see under a filter; the last page stays shown while the next loads. */
export function useCases(query: CaseQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...casesKey, 'list', query],
    queryFn: ({ signal }) => api<CasePage>('/api/cases', { query: caseQueryString(query), signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    staleTime: 10_000,
  });
}

/** One case with its timeline and the actions the caller may take. */
export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: [...casesKey, 'detail', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api<CaseDetail>(`/api/cases/${encodeURIComponent(id ?? '')}`, { signal }),
    staleTime: 10_000,
  });
}

/** The problem taxonomy, flat; it changes rarely, so it is read once per visit. */
export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: ({ signal }) => api<{ items: Category[] }>('/api/categories', { signal }).then((r) => r.items),
    staleTime: 30 * 60_000,
  });
}

/** Files a report (受理); every case list refreshes afterwards. */
export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCaseInput) => api<CreatedCase>('/api/cases', { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}

/** True when an action's answer is the whole case, false when the case left the caller's sight. */
export function isCaseDetail(answer: CaseDetail | CaseGone): answer is CaseDetail {
  return 'timeline' in answer;
}

/** Takes one lifecycle action on a case; the answer (the case as the caller now sees it) replaces the cached page. */
export function useCaseAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: CaseAction; body?: unknown }) =>
      api<CaseDetail | CaseGone>(`/api/cases/${encodeURIComponent(id)}/${actionPath[action]}`, { method: 'POST', body: body ?? {} }),
    onSuccess: async (answer, { id }) => {
      if (isCaseDetail(answer)) queryClient.setQueryData([...casesKey, 'detail', id], answer);
      // Out of sight now: marked stale but not re-read at once, which would flash a 404 before the page moves on.
      else void queryClient.invalidateQueries({ queryKey: [...casesKey, 'detail', id], refetchType: 'none' });
      await queryClient.invalidateQueries({ queryKey: [...casesKey, 'list'] });
    },
  });
}

/** Where a point lies: its grid, village and township (400 invalid_location outside the county). */
export function useLocate(point: { lng: number; lat: number } | null) {
  return useQuery({
    queryKey: ['org', 'locate', point?.lng, point?.lat],
    enabled: point !== null,
    queryFn: ({ signal }) =>
      api<{ grid: { id: string; name: string }; village: { id: string; name: string }; township: { id: string; name: string } }>(
        '/api/org/locate',
        { query: { lng: point?.lng, lat: point?.lat }, signal },
      ),
    staleTime: Infinity,
  });
}
