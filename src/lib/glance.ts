import { getRuntimeConfig, rewriteEndpoint } from '@/config/runtime-config';
import { ApiError } from '@/lib/api-error';
import { createHttpClient, type HttpClient } from '@/lib/http';
import { endpointFor, sessionStore, type Session } from '@/lib/session';

/** Glance's base URL for the session's region, passed through the configured rewrite rules. */
export function glanceBaseUrl(session: Session): string {
  const url = endpointFor(session.catalog, 'image', session.region);
  if (!url) {
    throw new ApiError({
      status: 0,
      service: 'glance',
      kind: 'shape',
      message: `The service catalog of project ${session.project.name} has no public image endpoint${
        session.region ? ` in region ${session.region}` : ''
      }. Ask your operator to register Glance.`,
    });
  }
  return rewriteEndpoint(url, getRuntimeConfig().endpointRewrites);
}

let cached: { base: string; client: HttpClient } | undefined;

/** The Glance client for the current session (used inside query and mutation functions). */
export function glance(): HttpClient {
  const { session } = sessionStore.get();
  if (!session) throw new ApiError({ status: 401, service: 'glance', message: 'Not signed in.' });
  const base = glanceBaseUrl(session);
  if (cached?.base !== base) {
    cached = {
      base,
      client: createHttpClient({
        service: 'glance',
        baseUrl: base,
        getToken: () => sessionStore.token(),
        onUnauthorized: (token) => sessionStore.markExpired(token),
      }),
    };
  }
  return cached.client;
}

/** Keystone with the session's token (for reads like project names). */
export function keystoneWithSession(): HttpClient {
  return createHttpClient({
    service: 'keystone',
    baseUrl: getRuntimeConfig().keystoneUrl,
    getToken: () => sessionStore.token(),
    onUnauthorized: (token) => sessionStore.markExpired(token),
  });
}
