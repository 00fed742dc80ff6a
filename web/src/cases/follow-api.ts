import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DuplicateCase, FollowedCase, FollowState } from '../../../common/following.js';
import { api } from '../app/api.js';
import { casesKey } from './cases-api.js';

export type { DuplicateCase, FollowedCase, FollowState };

export interface Draft {
  description: string;
  title?: string;
  location?: { lng: number; lat: number };
}

/** Whether a draft says enough to look for reports of the same problem. */
export function draftReady(d: Draft): boolean {
  return d.description.trim().length >= 8;
}

/** Open cases the draft probably repeats; nothing is asked until the draft says enough. */
export function useDraftDuplicates(draft: Draft) {
  const body = { description: draft.description.trim(), title: draft.title?.trim() || undefined, location: draft.location };
  return useQuery({
    queryKey: ['dispatch', 'duplicates', body],
    enabled: draftReady(draft),
    queryFn: ({ signal }) => api<{ items: DuplicateCase[] }>('/api/dispatch/duplicates', { body, signal }).then((r) => r.items),
    staleTime: 30_000,
    // A check that fails (a point outside the county, say) only means no offer: the form reports the problem itself.
    retry: false,
  });
}

/** The cases the caller follows. */
export function useFollowing() {
  return useQuery({
    queryKey: [...casesKey, 'following'],
    queryFn: ({ signal }) => api<{ items: FollowedCase[] }>('/api/cases/following', { signal }).then((r) => r.items),
    staleTime: 10_000,
  });
}

/** Follows or stops following a case; the caller's list refreshes afterwards. */
export function useFollow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, follow }: { id: string; follow: boolean }) =>
      api<FollowState>(`/api/cases/${encodeURIComponent(id)}/follow`, { method: follow ? 'POST' : 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...casesKey, 'following'] }),
  });
}
