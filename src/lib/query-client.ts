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
  // Not the only place: every 401 ends in sessionStore.markExpired(), and the re-login
  // dialog (features/auth) is the one place that reacts, over the current page. The session
  // clients in lib/glance.ts mark it on a 401 answer (onUnauthorized) and the token's expiry
  // timer in lib/session.ts marks it; this catches 401s from calls that carry their own
  // token (`auth: false`, the Keystone calls in features/auth) made as queries or mutations.
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
