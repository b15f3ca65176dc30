import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';
import { sessionStore } from '@/lib/session';

/** Reads retry on network errors and 5xx (twice); never on 4xx. Writes never retry. */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!isApiError(error)) return false;
  return error.kind === 'network' || error.status >= 500;
}

function handleUnauthorized(error: unknown): void {
  // The one place a 401 is handled: the re-login dialog opens over the current page.
  if (isApiError(error) && error.status === 401) sessionStore.markExpired();
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    queryCache: new QueryCache({ onError: handleUnauthorized }),
    mutationCache: new MutationCache({ onError: handleUnauthorized }),
    defaultOptions: {
      queries: { retry: shouldRetryRead, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  // Switching project or signing out wipes every cached response.
  sessionStore.onClear(() => client.clear());
  return client;
}
