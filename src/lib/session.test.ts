import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endpointFor, permissionsOf, regionsFor, sessionStore, type Session } from '@/lib/session';

const catalog = [
  {
    type: 'image',
    endpoints: [
      { interface: 'public', region_id: 'RegionOne', url: 'http://one:9292' },
      { interface: 'internal', region_id: 'RegionOne', url: 'http://internal:9292' },
      { interface: 'public', region_id: 'RegionTwo', url: 'http://two:9292' },
    ],
  },
  { type: 'identity', endpoints: [{ interface: 'public', region_id: 'RegionOne', url: 'http://ks/v3' }] },
];

function makeSession(overrides: Partial<Session> = {}): Session {
  return {
    token: 'tok',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    method: 'password',
    user: { id: 'u1', name: 'alice', domainId: 'default', domainName: 'Default' },
    project: { id: 'p1', name: 'alpha', domainId: 'default' },
    roles: ['member', 'reader'],
    catalog,
    region: 'RegionOne',
    ...overrides,
  };
}

describe('catalog helpers', () => {
  it('lists regions of a service type', () => {
    expect(regionsFor(catalog, 'image')).toEqual(['RegionOne', 'RegionTwo']);
  });
  it('picks the public endpoint of the region', () => {
    expect(endpointFor(catalog, 'image', 'RegionTwo')).toBe('http://two:9292');
    expect(endpointFor(catalog, 'image', null)).toBe('http://one:9292');
    expect(endpointFor(catalog, 'volume', null)).toBeUndefined();
  });
});

describe('permissionsOf', () => {
  it('maps roles to what the UI offers', () => {
    expect(permissionsOf({ roles: ['admin', 'member', 'reader'] })).toEqual({ isAdmin: true, canWrite: true, readOnly: false });
    expect(permissionsOf({ roles: ['member', 'reader'] })).toEqual({ isAdmin: false, canWrite: true, readOnly: false });
    expect(permissionsOf({ roles: ['reader'] })).toEqual({ isAdmin: false, canWrite: false, readOnly: true });
  });
});

describe('sessionStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sessionStore.signOut();
  });
  afterEach(() => vi.useRealTimers());

  it('keeps the session in sessionStorage, never localStorage', () => {
    sessionStore.signIn(makeSession());
    expect(sessionStorage.getItem('loupe.session')).toContain('"token":"tok"');
    expect(JSON.stringify({ ...localStorage })).not.toContain('tok');
    sessionStore.signOut();
    expect(sessionStorage.getItem('loupe.session')).toBeNull();
  });

  it('clears cached data on a project switch and on sign-out, but not on renewal', () => {
    const cleared = vi.fn();
    const unsubscribe = sessionStore.onClear(cleared);
    sessionStore.signIn(makeSession());
    cleared.mockClear();
    sessionStore.signIn(makeSession({ token: 'renewed' }));
    expect(cleared).not.toHaveBeenCalled();
    sessionStore.signIn(makeSession({ project: { id: 'p2', name: 'beta', domainId: 'default' } }));
    expect(cleared).toHaveBeenCalledTimes(1);
    sessionStore.signOut();
    expect(cleared).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('marks the session expired when the token runs out, and hides the token', () => {
    const unsubscribe = sessionStore.subscribe(() => undefined);
    sessionStore.signIn(makeSession({ expiresAt: new Date(Date.now() + 1000).toISOString() }));
    expect(sessionStore.token()).toBe('tok');
    vi.advanceTimersByTime(1500);
    expect(sessionStore.get().expired).toBe(true);
    expect(sessionStore.token()).toBeUndefined();
    unsubscribe();
  });

  it('ignores a 401 to a token that a re-login has already replaced', () => {
    sessionStore.signIn(makeSession({ token: 'old' }));
    sessionStore.markExpired('old');
    expect(sessionStore.get().expired).toBe(true);
    sessionStore.signIn(makeSession({ token: 'new' }));
    // A call sent with the old token answers late.
    sessionStore.markExpired('old');
    expect(sessionStore.get().expired).toBe(false);
    expect(sessionStore.token()).toBe('new');
    sessionStore.markExpired('new');
    expect(sessionStore.get().expired).toBe(true);
  });
});
