import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.js';

// Retrying a 4xx only repeats the same refusal; retry once for network and server trouble.
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

/** The one query cache of the app. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
