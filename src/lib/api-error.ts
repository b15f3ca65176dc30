// One error type for every API call. `status` 0 means the request never got an HTTP answer.
export type Service = 'keystone' | 'glance';

export class ApiError extends Error {
  readonly status: number;
  readonly service: Service;
  readonly requestId: string | undefined;
  readonly body: unknown;
  /** 'http' for non-2xx answers, 'network' when nothing came back, 'shape' when a 2xx body failed validation. */
  readonly kind: 'http' | 'network' | 'shape';

  constructor(init: {
    status: number;
    service: Service;
    message: string;
    requestId?: string | undefined;
    body?: unknown;
    kind?: 'http' | 'network' | 'shape';
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.service = init.service;
    this.requestId = init.requestId;
    this.body = init.body;
    this.kind = init.kind ?? 'http';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// Glance prefixes many messages with a generic WebOb sentence; the useful line follows it.
const GENERIC_PREFIXES = [
  'There was a conflict when trying to complete your request.',
  'Access was denied to this resource.',
  'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  'The resource could not be found.',
  'The request you have made requires authentication.',
  'The server has either erred or is incapable of performing the requested operation.',
  'The request is too large.',
  'The body of your request was too large for this server.',
];

/** Turns a Glance/Keystone message (HTML fragments, schema dumps) into one readable line. */
export function cleanServerMessage(raw: string): string {
  const text = raw
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const meaningful = lines.filter((line) => !GENERIC_PREFIXES.includes(line));
  // Schema errors dump the whole JSON schema after the first line: keep the first line only.
  return meaningful[0] ?? lines[0] ?? '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Extracts the server's message from Glance ({message}) or Keystone ({error:{message}}) error bodies. */
export function messageFromBody(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const cleaned = cleanServerMessage(body);
    return cleaned || undefined;
  }
  if (!isRecord(body)) return undefined;
  const nested = isRecord(body.error) ? body.error : body;
  if (typeof nested.message === 'string') return cleanServerMessage(nested.message) || undefined;
  return undefined;
}

/**
 * A lazy chunk that failed to load: after a redeploy the old chunks are gone from the server,
 * and a tab opened before it asks for them (Chromium, Firefox and Safari word it differently).
 */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message);
}

/** What a chunk that failed to load means, and what to do. */
export const UPDATED_VERSION = {
  title: 'Loupe has been updated',
  detail: 'This page needs a part of Loupe that the server no longer has, because a newer version was deployed. Reload the page to get it: the address keeps your place.',
} as const;

const SERVICE_NAMES: Record<Service, string> = { keystone: 'Keystone (identity)', glance: 'Glance (images)' };

/**
 * The sentence shown to people: what happened and what to do. Callers that know more put
 * their own context in front (ErrorPanel's `context` prop, e.g. "Deleting cirros").
 */
export function describeError(error: unknown): { title: string; detail: string } {
  if (isChunkLoadError(error)) return UPDATED_VERSION;
  if (!isApiError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { title: 'Something went wrong', detail: message || 'An unexpected error happened. Reload the page to try again.' };
  }
  const service = SERVICE_NAMES[error.service];
  const server = error.message;
  const withRequest = (text: string) => (error.requestId ? `${text} (request ${error.requestId})` : text);
  switch (true) {
    case error.kind === 'network':
      return {
        title: `Cannot reach ${service}`,
        detail: 'The connection failed. Check your network or whether the service is up, then try again; nothing you typed is lost.',
      };
    case error.kind === 'shape':
      return { title: `Unexpected answer from ${service}`, detail: withRequest(server) };
    case error.status === 401:
      return { title: 'Your session has expired', detail: 'Sign in again to continue where you were.' };
    case error.status === 403: {
      const policy = /not authorized to complete (\S+) action/.exec(server);
      if (policy) {
        return {
          title: 'Not allowed',
          detail: `Your role in this project does not allow this (policy "${policy[1]}"). Ask a project member or an administrator.`,
        };
      }
      if (/^Metadata definition .* is protected and cannot be deleted/.test(server)) {
        return { title: 'This namespace is protected', detail: 'Nothing in a protected metadata namespace can be deleted: turn protection off in its overview first, then delete.' };
      }
      if (/is protected and cannot be deleted/.test(server)) {
        return { title: 'This image is protected', detail: 'Unprotect the image first, then delete it.' };
      }
      return { title: 'Not allowed', detail: server || 'The server refused this action for your role.' };
    }
    case error.status === 404:
      return { title: 'Not found', detail: server || 'It does not exist, or your project cannot see it.' };
    case error.status === 409:
      return { title: 'Conflict', detail: server || 'The resource changed or is busy. Reload and try again.' };
    case error.status === 413:
      return {
        title: 'Over a limit',
        detail: `${server || 'The request is larger than the server allows.'} Remove something, or ask your operator to raise the quota.`,
      };
    case error.status === 415:
      return { title: 'Unsupported content', detail: server || 'The server does not accept this content type or image format.' };
    case error.status === 400:
      return { title: 'The server rejected the request', detail: server || 'Some value is not valid.' };
    case error.status === 502 || error.status === 503 || error.status === 504:
      return {
        title: `${service} is unavailable`,
        detail: withRequest('The service is not answering right now. Try again in a moment; nothing you typed is lost.'),
      };
    case error.status >= 500:
      return {
        title: `${service} had an internal error`,
        detail: withRequest(`${server || 'Try again.'} If it keeps happening, give the request id to your operator.`),
      };
    default:
      return { title: `Error ${error.status}`, detail: withRequest(server) };
  }
}
