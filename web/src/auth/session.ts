import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api.js';

/** The signed-in user as GET /api/me describes it. */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitId: string | null;
  unitName: string | null;
}

export const meQueryKey = ['me'] as const;

/** The signed-in user; a 401 sends the browser to /login through api(). */
export function useCurrentUser() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api<{ user: CurrentUser }>('/api/me', { signal }).then((r) => r.user),
    staleTime: 5 * 60_000,
  });
}

/** Signs in with the form's credentials; the server sets the session cookie. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      api<{ token: string; user: CurrentUser }>('/api/auth/login', { body: input, redirectOn401: false }),
    onSuccess: async () => {
      // The login answer's user may be thinner than /api/me (unit name); read the canonical one.
      queryClient.clear();
      await queryClient.fetchQuery({
        queryKey: meQueryKey,
        queryFn: () => api<{ user: CurrentUser }>('/api/me').then((r) => r.user),
      });
    },
  });
}

/** Signs out and forgets every cached answer, so the next user sees nothing of the last one. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST', redirectOn401: false }),
    onSettled: () => queryClient.clear(),
  });
}
