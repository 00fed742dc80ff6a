import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api.js';

/** One account as the admin's user list shows it; the phone number comes masked. */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitId: string | null;
  unitName: string | null;
  phoneMasked: string | null;
  active: boolean;
  createdAt: string;
}

export interface UserQuery {
  page: number;
  pageSize: number;
  q?: string;
  role?: string;
  unitId?: string;
}

export interface UserPage {
  items: UserRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: string;
  unitId: string;
  password: string;
  phone?: string;
}

export interface UpdateUserInput {
  displayName?: string;
  role?: string;
  unitId?: string;
  active?: boolean;
  password?: string;
  phone?: string;
}

/** One page of users matching the search; the previous page stays shown while the next loads. */
export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: ({ signal }) => api<UserPage>('/api/users', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Creates an account (admin). */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api<{ user: UserRow }>('/api/users', { body: input }).then((r) => r.user),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Changes an account's name, role, unit, state or password (admin). */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) =>
      api<{ user: UserRow }>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }).then((r) => r.user),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
