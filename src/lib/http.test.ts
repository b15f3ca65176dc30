import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from '@/lib/api-error';
import { buildQuery, createHttpClient, joinUrl } from '@/lib/http';

function stubFetch(response: Response | Error) {
  const mock = vi.fn<typeof fetch>(() => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response)));
  vi.stubGlobal('fetch', mock);
  return mock;
}

afterEach(() => vi.unstubAllGlobals());

describe('buildQuery', () => {
  it('repeats array params and skips empty values', () => {
    expect(buildQuery({ tag: ['a', 'b,c'], name: 'x y', empty: '', none: undefined, limit: 25 })).toBe('?tag=a&tag=b%2Cc&name=x+y&limit=25');
  });
  it('is empty without params', () => {
    expect(buildQuery({})).toBe('');
    expect(buildQuery(undefined)).toBe('');
  });
});

describe('joinUrl', () => {
  it('joins with exactly one slash', () => {
    expect(joinUrl('/glance/', '/v2/images')).toBe('/glance/v2/images');
    expect(joinUrl('http://h:1', 'versions')).toBe('http://h:1/versions');
  });
});

describe('createHttpClient', () => {
  const client = (onUnauthorized = vi.fn()) =>
    createHttpClient({ service: 'glance', baseUrl: '/glance', getToken: () => 'tok', onUnauthorized });

  it('sends the token, Accept: application/json and a JSON body, and validates the answer', async () => {
    const fetchMock = stubFetch(new Response(JSON.stringify({ id: '1', extra: 'kept' }), { status: 200 }));
    const result = await client().json('v2/images', z.looseObject({ id: z.string() }), { method: 'POST', json: { name: 'x' } });
    expect(result).toEqual({ id: '1', extra: 'kept' });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/glance/v2/images');
    expect(init?.headers).toMatchObject({ 'X-Auth-Token': 'tok', Accept: 'application/json', 'Content-Type': 'application/json' });
    expect(init?.body).toBe('{"name":"x"}');
  });

  it('uses a custom content type for JSON-Patch', async () => {
    const fetchMock = stubFetch(new Response('{}', { status: 200 }));
    await client().send('v2/images/1', { method: 'PATCH', json: [], contentType: 'application/openstack-images-v2.1-json-patch' });
    expect(fetchMock.mock.calls[0]?.[1]?.headers).toMatchObject({ 'Content-Type': 'application/openstack-images-v2.1-json-patch' });
  });

  it('throws ApiError with the cleaned message and request id', async () => {
    stubFetch(
      new Response(JSON.stringify({ message: 'Access was denied to this resource.<br /><br />\nNope.\n', code: '403 Forbidden' }), {
        status: 403,
        headers: { 'x-openstack-request-id': 'req-9' },
      }),
    );
    const error = await client().send('v2/images/1', { method: 'DELETE' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, message: 'Nope.', requestId: 'req-9', kind: 'http' });
  });

  it('reports a 401 once to the session and still throws', async () => {
    stubFetch(new Response('{}', { status: 401 }));
    const onUnauthorized = vi.fn();
    await expect(client(onUnauthorized).send('v2/images')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not report a 401 for calls carrying their own credentials', async () => {
    stubFetch(new Response('{}', { status: 401 }));
    const onUnauthorized = vi.fn();
    await expect(client(onUnauthorized).send('auth/tokens', { auth: false })).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('turns a failed connection into a network ApiError', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    await expect(client().send('versions')).rejects.toMatchObject({ status: 0, kind: 'network' });
  });

  it('turns an unexpected body into a shape ApiError naming the field', async () => {
    stubFetch(new Response(JSON.stringify({ id: 5 }), { status: 200 }));
    const error = await client().json('v2/images/1', z.object({ id: z.string() })).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'shape' });
    expect((error as Error).message).toContain('id');
  });
});
