import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, describeError, isApiError } from '@/lib/api-error';
import { asString, readPref, writePref } from '@/lib/prefs';
import { sessionStore, type Session } from '@/lib/session';
import { authKeys } from '@/features/auth/api/auth-keys';
import {
  applicationCredentialToken,
  listAuthProjects,
  passwordToken,
  rescopeToken,
  revokeToken,
  sessionFromToken,
  type IssuedToken,
} from '@/features/auth/api/keystone';

/** A login failure already phrased for people. */
export class LoginProblem extends Error {
  override readonly name = 'LoginProblem';
  constructor(
    readonly title: string,
    readonly detail: string,
  ) {
    super(`${title}: ${detail}`);
  }
}

export function describeLoginError(error: unknown, domain?: string): { title: string; detail: string } {
  if (error instanceof LoginProblem) return { title: error.title, detail: error.detail };
  if (isApiError(error) && error.status === 401) {
    return {
      title: 'Wrong user name, password or domain',
      detail: `Keystone did not accept these credentials${
        domain ? ` in domain "${domain}"` : ''
      }. User names and passwords are case-sensitive, and the user must belong to that domain.`,
    };
  }
  if (isApiError(error) && (error.kind === 'network' || error.status === 502 || error.status === 503 || error.status === 504)) {
    return {
      title: 'Keystone is not answering',
      detail: 'The identity service cannot be reached right now. Check that it is running (or ask your operator), then try again.',
    };
  }
  return describeError(error);
}

const LAST_PROJECT = 'last-project';
const LAST_REGION = 'last-region';

/** Projects the signed-in user has a role on (for the switcher). */
export const myProjectsQuery = ({ user, method }: Pick<Session, 'user' | 'method'>) =>
  queryOptions({
    queryKey: authKeys.projects(user.id),
    // The answer depends on the user, not on which of their tokens asks.
    queryFn: ({ signal }) => listAuthProjects(sessionStore.token() ?? '', signal),
    staleTime: 5 * 60_000,
    enabled: method === 'password',
  });

function scopedSession(issued: IssuedToken): Session {
  const session = sessionFromToken(issued, readPref(LAST_REGION, asString) ?? null);
  if (!session) {
    throw new LoginProblem('No project in this token', 'Keystone issued a token without a project. Choose a project and try again.');
  }
  writePref(LAST_PROJECT, session.project.name);
  return session;
}

export interface PasswordLogin {
  domain: string;
  username: string;
  password: string;
}

/** Password login: unscoped token → the user's projects → a token for the chosen project. */
async function signInWithPassword(input: PasswordLogin, projectId?: string): Promise<Session> {
  const unscoped = await passwordToken(input);
  const projects = await listAuthProjects(unscoped.token);
  if (projects.length === 0) {
    void revokeToken(unscoped.token).catch(() => undefined);
    throw new LoginProblem(
      'No project to work in',
      `${unscoped.body.token.user.name} signed in, but has no role on any project. Ask an administrator to add you to a project.`,
    );
  }
  const lastName = readPref(LAST_PROJECT, asString);
  const chosen =
    projects.find((project) => project.id === projectId) ??
    projects.find((project) => project.name === lastName) ??
    projects[0];
  if (!chosen) throw new LoginProblem('No project to work in', 'No project was found.');
  const scoped = await rescopeToken(unscoped.token, chosen.id);
  void revokeToken(unscoped.token).catch(() => undefined);
  return scopedSession(scoped);
}

async function signInWithApplicationCredential(input: { id: string; secret: string }): Promise<Session> {
  return scopedSession(await applicationCredentialToken(input));
}

export function useSignIn() {
  return useMutation({
    mutationFn: async (input: { kind: 'password'; login: PasswordLogin } | { kind: 'application_credential'; id: string; secret: string }) =>
      input.kind === 'password' ? signInWithPassword(input.login) : signInWithApplicationCredential(input),
    onSuccess: (session) => sessionStore.signIn(session),
  });
}

/** Re-login after expiry: same user, same project, so the page and its input stay as they are. */
export function useRenewSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { password: string } | { secret: string }) => {
      const { session } = sessionStore.get();
      if (!session) throw new LoginProblem('Not signed in', 'Sign in again from the login page.');
      if ('secret' in input) {
        throw new LoginProblem('Use the login page', 'Sign in again with the application credential.');
      }
      const issued = await passwordToken(
        { domain: session.user.domainId, username: session.user.name, password: input.password },
        { project: { id: session.project.id } },
      );
      return scopedSession(issued);
    },
    onSuccess: async (session) => {
      sessionStore.signIn(session);
      // Whatever failed with the old token is fetched again.
      await queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
    },
  });
}

export function useSwitchProject() {
  return useMutation({
    mutationFn: async (projectId: string) => {
      const { session } = sessionStore.get();
      if (!session) throw new ApiError({ status: 401, service: 'keystone', message: 'Not signed in.' });
      return scopedSession(await rescopeToken(session.token, projectId));
    },
    // signIn() with another project clears every cached response first.
    onSuccess: (session) => sessionStore.signIn(session),
  });
}

export function useSwitchRegion() {
  return (region: string) => {
    writePref(LAST_REGION, region);
    sessionStore.setRegion(region);
  };
}

/**
 * Signs out at once (session and every cached response gone), then revokes the token on
 * the server in the background; a failed revocation (Keystone down) cannot keep anyone in.
 */
export function useSignOut() {
  const revoke = useMutation({ mutationFn: (token: string) => revokeToken(token) });
  return () => {
    const { session } = sessionStore.get();
    sessionStore.signOut();
    if (session) revoke.mutate(session.token);
  };
}
