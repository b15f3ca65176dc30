import { seed } from './stack';

// Direct calls to the real Keystone and Glance, for fixtures and for checking what the UI did.
export interface Token {
  token: string;
  projectId: string;
  userId: string;
}

export async function projectToken(user: string, project: string, pass = `${user}-secret`): Promise<Token> {
  const response = await fetch(`${seed().keystone_url}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, domain: { id: 'default' }, password: pass } } },
        scope: { project: { name: project, domain: { id: 'default' } } },
      },
    }),
  });
  if (response.status !== 201) throw new Error(`login ${user}/${project}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { token: { project: { id: string }; user: { id: string } } };
  return { token: response.headers.get('x-subject-token') ?? '', projectId: body.token.project.id, userId: body.token.user.id };
}

export async function revoke(token: string): Promise<void> {
  const response = await fetch(`${seed().keystone_url}/v3/auth/tokens`, {
    method: 'DELETE',
    headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
  });
  if (response.status !== 204) throw new Error(`revoke: ${response.status}`);
}

/** Calls Glance; throws on a status other than `expect` (when given). */
export async function glance(
  auth: Token,
  path: string,
  init: { method?: string; json?: unknown; body?: BodyInit; contentType?: string; expect?: number } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = { 'X-Auth-Token': auth.token, Accept: 'application/json' };
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['Content-Type'] = init.contentType ?? 'application/json';
  } else if (init.contentType) {
    headers['Content-Type'] = init.contentType;
  }
  const response = await fetch(`${seed().glance_url}${path}`, { method: init.method ?? 'GET', headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  if (init.expect !== undefined && response.status !== init.expect) {
    throw new Error(`${init.method ?? 'GET'} ${path}: expected ${init.expect}, got ${response.status} ${text}`);
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export interface ApiImage {
  id: string;
  name: string | null;
  status: string;
  [key: string]: unknown;
}

export async function createImage(auth: Token, fields: Record<string, unknown>): Promise<ApiImage> {
  const { body } = await glance(auth, '/v2/images', {
    method: 'POST',
    json: { disk_format: 'raw', container_format: 'bare', ...fields },
    expect: 201,
  });
  return body as ApiImage;
}

export async function uploadData(auth: Token, id: string, data: BodyInit): Promise<void> {
  await glance(auth, `/v2/images/${id}/file`, {
    method: 'PUT',
    body: data,
    contentType: 'application/octet-stream',
    expect: 204,
  });
}

export async function getImage(auth: Token, id: string): Promise<ApiImage> {
  return (await glance(auth, `/v2/images/${id}`, { expect: 200 })).body as ApiImage;
}

/** Deletes an image, unprotecting it first; a missing image is fine. */
export async function deleteImage(auth: Token, id: string): Promise<void> {
  const { status } = await glance(auth, `/v2/images/${id}`, { method: 'DELETE' });
  if (status === 403) {
    await glance(auth, `/v2/images/${id}`, {
      method: 'PATCH',
      json: [{ op: 'replace', path: '/protected', value: false }],
      contentType: 'application/openstack-images-v2.1-json-patch',
    });
    await glance(auth, `/v2/images/${id}`, { method: 'DELETE' });
  }
}
