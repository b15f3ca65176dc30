import { useSyncExternalStore } from 'react';
import { z } from 'zod';

// The signed-in state. It lives in memory and in sessionStorage (per tab, gone when the
// tab closes), never in localStorage.
export const catalogEndpointSchema = z.looseObject({
  id: z.string().optional(),
  interface: z.string(),
  region_id: z.string().nullish(),
  region: z.string().nullish(),
  url: z.string(),
});
export const catalogServiceSchema = z.looseObject({
  type: z.string(),
  name: z.string().optional(),
  id: z.string().optional(),
  endpoints: z.array(catalogEndpointSchema),
});
export type CatalogService = z.infer<typeof catalogServiceSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  method: z.enum(['password', 'application_credential']),
  user: z.object({ id: z.string(), name: z.string(), domainId: z.string(), domainName: z.string() }),
  project: z.object({ id: z.string(), name: z.string(), domainId: z.string() }),
  roles: z.array(z.string()),
  catalog: z.array(catalogServiceSchema),
  region: z.string().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

const STORAGE_KEY = 'loupe.session';

interface SessionState {
  session: Session | null;
  /** True when the token was refused or ran out: the re-login dialog shows over the page. */
  expired: boolean;
}

function readStored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

let state: SessionState = { session: null, expired: false };
let loaded = false;
const listeners = new Set<() => void>();
const clearHandlers = new Set<() => void>();

function ensureLoaded(): void {
  if (loaded) return;
  loaded = true;
  const stored = typeof sessionStorage === 'undefined' ? null : readStored();
  state = { session: stored, expired: stored ? isPast(stored.expiresAt) : false };
}

function isPast(iso: string): boolean {
  return Date.parse(iso) <= Date.now();
}

function emit(next: SessionState): void {
  state = next;
  if (typeof sessionStorage !== 'undefined') {
    if (next.session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next.session));
    else sessionStorage.removeItem(STORAGE_KEY);
  }
  scheduleExpiry();
  for (const listener of listeners) listener();
}

let expiryTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleExpiry(): void {
  clearTimeout(expiryTimer);
  const session = state.session;
  if (!session || state.expired) return;
  // setTimeout overflows past ~24.8 days; tokens live hours, so clamp.
  const delay = Math.min(Math.max(Date.parse(session.expiresAt) - Date.now(), 0), 2 ** 31 - 1);
  expiryTimer = setTimeout(() => sessionStore.markExpired(), delay);
}

export const sessionStore = {
  get(): SessionState {
    ensureLoaded();
    return state;
  },
  subscribe(listener: () => void): () => void {
    ensureLoaded();
    listeners.add(listener);
    if (listeners.size === 1) scheduleExpiry();
    return () => listeners.delete(listener);
  },
  /** A fresh token for a (possibly different) project. Clears cached data when the scope changes. */
  signIn(session: Session): void {
    ensureLoaded();
    const previous = state.session;
    const sameScope = previous?.user.id === session.user.id && previous.project.id === session.project.id;
    if (!sameScope) for (const handler of clearHandlers) handler();
    emit({ session, expired: false });
  },
  /**
   * The session's token no longer works. With `token`, only if that is still the session's
   * token: a call sent before a re-login that answers 401 after it must not expire the new one.
   */
  markExpired(token?: string): void {
    ensureLoaded();
    if (!state.session || state.expired) return;
    if (token !== undefined && token !== state.session.token) return;
    emit({ ...state, expired: true });
  },
  setRegion(region: string): void {
    ensureLoaded();
    if (!state.session) return;
    for (const handler of clearHandlers) handler();
    emit({ ...state, session: { ...state.session, region } });
  },
  signOut(): void {
    ensureLoaded();
    for (const handler of clearHandlers) handler();
    emit({ session: null, expired: false });
  },
  /** Registers what must be wiped on sign-out and project switch (the query cache). */
  onClear(handler: () => void): () => void {
    clearHandlers.add(handler);
    return () => clearHandlers.delete(handler);
  },
  token(): string | undefined {
    ensureLoaded();
    return state.expired ? undefined : state.session?.token;
  },
};

export function useSessionState(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}

/** The current session; only for components under the signed-in layout. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession() was called outside the signed-in area.');
  return session;
}

export interface Permissions {
  isAdmin: boolean;
  /** May create, edit and delete the project's images (member or admin). */
  canWrite: boolean;
  readOnly: boolean;
}

export function permissionsOf(session: Pick<Session, 'roles'>): Permissions {
  const roles = new Set(session.roles.map((role) => role.toLowerCase()));
  const isAdmin = roles.has('admin');
  const canWrite = isAdmin || roles.has('member') || roles.has('_member_');
  return { isAdmin, canWrite, readOnly: !canWrite };
}

export function usePermissions(): Permissions {
  return permissionsOf(useSession());
}

/** Regions that offer a service of `type`, in catalog order. */
export function regionsFor(catalog: readonly CatalogService[], type: string): string[] {
  const regions = new Set<string>();
  for (const service of catalog.filter((entry) => entry.type === type)) {
    for (const endpoint of service.endpoints) {
      const region = endpoint.region_id ?? endpoint.region;
      if (region) regions.add(region);
    }
  }
  return [...regions];
}

/** The public endpoint URL of a service type in a region (any region when null). */
export function endpointFor(
  catalog: readonly CatalogService[],
  type: string,
  region: string | null,
  iface = 'public',
): string | undefined {
  for (const service of catalog.filter((entry) => entry.type === type)) {
    const match = service.endpoints.find(
      (endpoint) => endpoint.interface === iface && (region === null || (endpoint.region_id ?? endpoint.region) === region),
    );
    if (match) return match.url;
  }
  return undefined;
}
