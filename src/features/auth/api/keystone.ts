import { z } from 'zod';
import { getRuntimeConfig } from '@/config/runtime-config';
import { ApiError } from '@/lib/api-error';
import { createHttpClient, type HttpClient } from '@/lib/http';
import { catalogServiceSchema, regionsFor, type Session } from '@/lib/session';

const namedRef = z.looseObject({ id: z.string(), name: z.string() });

const tokenBodySchema = z.looseObject({
  token: z.looseObject({
    methods: z.array(z.string()),
    expires_at: z.string(),
    issued_at: z.string().optional(),
    user: z.looseObject({ id: z.string(), name: z.string(), domain: namedRef }),
    project: z.looseObject({ id: z.string(), name: z.string(), domain: namedRef }).optional(),
    roles: z.array(namedRef).optional(),
    catalog: z.array(catalogServiceSchema).optional(),
  }),
});
export type TokenBody = z.infer<typeof tokenBodySchema>;

const projectSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  domain_id: z.string(),
  enabled: z.boolean().optional(),
  description: z.string().nullish(),
});
export type Project = z.infer<typeof projectSchema>;
const projectsBodySchema = z.looseObject({ projects: z.array(projectSchema) });

/** Keystone client without a session token: every call here carries its own credentials. */
function keystone(): HttpClient {
  return createHttpClient({ service: 'keystone', baseUrl: getRuntimeConfig().keystoneUrl, getToken: () => undefined });
}

export interface IssuedToken {
  token: string;
  body: TokenBody;
}

type Scope = { project: { id: string } } | undefined;

async function issueToken(identity: Record<string, unknown>, scope: Scope, signal?: AbortSignal): Promise<IssuedToken> {
  const client = keystone();
  const auth: Record<string, unknown> = { identity };
  if (scope) auth.scope = scope;
  const response = await client.send('auth/tokens', { method: 'POST', json: { auth }, auth: false, signal });
  const token = response.headers.get('x-subject-token');
  const parsed = tokenBodySchema.safeParse(await response.json());
  if (!token || !parsed.success) {
    throw new ApiError({
      status: response.status,
      service: 'keystone',
      kind: 'shape',
      message: token
        ? 'Keystone answered the login with a body Loupe does not understand.'
        : 'Keystone did not expose X-Subject-Token. If Keystone is on another origin, its CORS settings must expose that header.',
    });
  }
  return { token, body: parsed.data };
}

/** The user's domain as typed: an id when it looks like one ("default" or hex), else a name. */
function domainRef(domain: string): { id: string } | { name: string } {
  const trimmed = domain.trim();
  return trimmed === 'default' || /^[0-9a-f]{32}$/.test(trimmed) ? { id: trimmed } : { name: trimmed };
}

export function passwordToken(
  input: { domain: string; username: string; password: string },
  scope?: Scope,
  signal?: AbortSignal,
): Promise<IssuedToken> {
  return issueToken(
    {
      methods: ['password'],
      password: { user: { name: input.username.trim(), domain: domainRef(input.domain), password: input.password } },
    },
    scope,
    signal,
  );
}

export function applicationCredentialToken(input: { id: string; secret: string }): Promise<IssuedToken> {
  return issueToken(
    { methods: ['application_credential'], application_credential: { id: input.id.trim(), secret: input.secret } },
    undefined,
  );
}

/** A new token for another project, from a token the user already has. */
export function rescopeToken(token: string, projectId: string): Promise<IssuedToken> {
  return issueToken({ methods: ['token'], token: { id: token } }, { project: { id: projectId } });
}

export async function listAuthProjects(token: string, signal?: AbortSignal): Promise<Project[]> {
  const body = await keystone().json('auth/projects', projectsBodySchema, {
    auth: false,
    headers: { 'X-Auth-Token': token },
    signal,
  });
  return body.projects.filter((project) => project.enabled !== false).sort((a, b) => a.name.localeCompare(b.name));
}

export async function revokeToken(token: string): Promise<void> {
  await keystone().send('auth/tokens', {
    method: 'DELETE',
    auth: false,
    headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
  });
}

/** Builds the session from a project-scoped token; null when the token carries no project. */
export function sessionFromToken(issued: IssuedToken, preferredRegion: string | null): Session | null {
  const { token } = issued.body;
  if (!token.project) return null;
  const catalog = token.catalog ?? [];
  const regions = regionsFor(catalog, 'image');
  const region = preferredRegion && regions.includes(preferredRegion) ? preferredRegion : (regions[0] ?? null);
  return {
    token: issued.token,
    expiresAt: token.expires_at,
    method: token.methods.includes('application_credential') ? 'application_credential' : 'password',
    user: { id: token.user.id, name: token.user.name, domainId: token.user.domain.id, domainName: token.user.domain.name },
    project: { id: token.project.id, name: token.project.name, domainId: token.project.domain.id },
    roles: (token.roles ?? []).map((role) => role.name),
    catalog,
    region,
  };
}
