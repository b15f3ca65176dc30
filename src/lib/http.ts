import type { z } from 'zod';
import { ApiError, messageFromBody, type Service } from '@/lib/api-error';
import { noteServiceAnswer } from '@/lib/service-health';

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  query?: QueryParams;
  /** Serialised as JSON; `contentType` overrides application/json (e.g. JSON-Patch). */
  json?: unknown;
  contentType?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** false for calls that carry their own credentials (login): no token, no 401 handling. */
  auth?: boolean;
}

export interface HttpClientOptions {
  service: Service;
  baseUrl: string;
  getToken: () => string | undefined;
  /** Called once per 401 answer to an authenticated call, with the token that call carried. */
  onUnauthorized?: (token: string) => void;
}

/** Repeated keys for arrays (Glance reads `tag=a&tag=b`), nothing for null/undefined/''. */
export function buildQuery(query: QueryParams | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number)[]) params.append(key, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export interface HttpClient {
  readonly service: Service;
  readonly baseUrl: string;
  /** Any 2xx passes; anything else throws ApiError. */
  send(path: string, options?: RequestOptions): Promise<Response>;
  /** Sends and validates the JSON answer with `schema`. */
  json<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.infer<S>>;
}

export function createHttpClient({ service, baseUrl, getToken, onUnauthorized }: HttpClientOptions): HttpClient {
  async function send(path: string, options: RequestOptions = {}): Promise<Response> {
    const { method = 'GET', query, json, contentType, body, headers = {}, signal, auth = true } = options;
    const finalHeaders: Record<string, string> = { Accept: 'application/json', ...headers };
    const token = auth ? getToken() : undefined;
    if (token) finalHeaders['X-Auth-Token'] = token;
    let finalBody = body;
    if (json !== undefined) {
      finalBody = JSON.stringify(json);
      finalHeaders['Content-Type'] = contentType ?? 'application/json';
    }
    const url = `${joinUrl(baseUrl, path)}${buildQuery(query)}`;
    let response: Response;
    try {
      response = await fetch(url, { method, headers: finalHeaders, body: finalBody, signal });
    } catch (cause) {
      if (signal?.aborted) throw cause; // let react-query see the abort as such
      noteServiceAnswer(service, 0);
      throw new ApiError({ status: 0, service, kind: 'network', message: `Network error talking to ${service}` });
    }
    noteServiceAnswer(service, response.status);
    if (response.ok) return response;
    const errorBody = await readBody(response);
    if (response.status === 401 && auth && token) onUnauthorized?.(token);
    throw new ApiError({
      status: response.status,
      service,
      message: messageFromBody(errorBody) ?? response.statusText,
      requestId: response.headers.get('x-openstack-request-id') ?? undefined,
      body: errorBody,
    });
  }

  async function json<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.infer<S>> {
    const response = await send(path, options);
    const body = await readBody(response);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body';
      throw new ApiError({
        status: response.status,
        service,
        kind: 'shape',
        message: `${options?.method ?? 'GET'} ${path} answered something Loupe does not understand (${where}).`,
        requestId: response.headers.get('x-openstack-request-id') ?? undefined,
        body,
      });
    }
    return parsed.data;
  }

  return { service, baseUrl, send, json };
}
