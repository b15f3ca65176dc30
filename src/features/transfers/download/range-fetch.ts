import { DownloadError, deactivatedError, noDataError } from '@/features/transfers/download/download-errors';
import { parseContentRange, rangeHeader, type RangeRequest } from '@/features/transfers/download/chunk-planner';
import { isApiError } from '@/lib/api-error';
import type { HttpClient } from '@/lib/http';

// One ranged GET of an image's data, streamed: each piece of the body is handed on as it
// arrives, so a connection that drops mid-chunk still counts every byte it delivered and the
// retry asks only for the rest. The token travels in X-Auth-Token (the HTTP client adds it).

export interface RangeFetchContext {
  client: HttpClient;
  imageId: string;
  imageName: string;
  /** The image's size: every Content-Range must end in it. */
  total: number;
  /** No byte for this long ends the request as stalled (a retryable failure). */
  idleTimeoutMs: number;
}

export interface RangeAnswer {
  /** Content-MD5 as Glance sends it (the md5 of the whole image, hex), when present. */
  contentMd5: string | null;
}

/** Content-MD5 is base64 by RFC 1864; Glance sends the hex checksum. Either way, hex out. */
export function contentMd5Hex(header: string | null): string | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^[0-9a-f]{32}$/i.test(value)) return value.toLowerCase();
  try {
    const binary = atob(value);
    if (binary.length !== 16) return null;
    return [...binary].map((char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

/** Checks that a 2xx answer is the range asked for; throws a DownloadError otherwise. */
export function checkRangeAnswer(status: number, contentRange: string | null, request: RangeRequest, total: number, imageName: string): void {
  if (status === 204) throw noDataError(imageName, null);
  if (status !== 206) {
    throw new DownloadError(
      'range-ignored',
      `Glance answered ${String(status)} instead of 206 Partial Content to a ranged request for ${imageName}; a proxy in between may strip Range headers. Ask your operator to let Range through.`,
      false,
    );
  }
  const range = parseContentRange(contentRange);
  if (!range) {
    throw new DownloadError(
      'range-ignored',
      `Glance's answer for ${imageName} has no readable Content-Range ("${contentRange ?? ''}"); the browser may not be allowed to read it (CORS must expose Content-Range).`,
      false,
    );
  }
  if (range.start !== request.start || range.end !== request.end || (range.total !== null && range.total !== total)) {
    throw new DownloadError(
      'size-changed',
      `Glance sent bytes ${String(range.start)}-${String(range.end)} of ${String(range.total ?? '?')} for ${imageName} where ${String(request.start)}-${String(request.end)} of ${String(total)} were asked for: the image changed. Download it again.`,
      false,
    );
  }
}

/**
 * Fetches `request` and calls `onBytes` for each piece of the body, in order, awaiting it (the
 * caller's backpressure) before reading on. Resolves when the
 * body ended (possibly short: the caller compares with the chunk's length); rejects on an HTTP
 * error, a broken connection, a stall or an abort.
 */
export async function fetchRange(
  context: RangeFetchContext,
  request: RangeRequest,
  signal: AbortSignal,
  onBytes: (bytes: Uint8Array) => void | Promise<void>,
): Promise<RangeAnswer> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  let stalled = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, context.idleTimeoutMs);
  };
  try {
    touch();
    let response: Response;
    try {
      response = await context.client.send(`v2/images/${encodeURIComponent(context.imageId)}/file`, {
        headers: { Range: rangeHeader(request) },
        signal: controller.signal,
      });
    } catch (error) {
      if (isApiError(error) && error.status === 403 && /deactivated/i.test(error.message)) throw deactivatedError(context.imageName);
      throw error;
    }
    checkRangeAnswer(response.status, response.headers.get('Content-Range'), request, context.total, context.imageName);
    const answer = { contentMd5: contentMd5Hex(response.headers.get('Content-MD5')) };
    const body = response.body;
    if (!body) return answer;
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return answer;
        // The idle clock stops while the caller holds the bytes (a slow disk is not a stall).
        clearTimeout(idle);
        await onBytes(value);
        touch();
      }
    } finally {
      reader.releaseLock();
    }
  } catch (error) {
    if (stalled && !signal.aborted) {
      throw new DownloadError('stalled', `Glance sent nothing for ${String(context.idleTimeoutMs / 1000)} s while downloading ${context.imageName}.`, true);
    }
    throw error;
  } finally {
    clearTimeout(idle);
    signal.removeEventListener('abort', abort);
  }
}

/**
 * The size of an image whose record gave none: one plain GET (a ranged GET of an image without
 * data makes Glance answer 500), read for its headers only. 204 means there is no data.
 */
export async function probeSize(client: HttpClient, imageId: string, imageName: string, signal: AbortSignal): Promise<number> {
  const controller = new AbortController();
  const abort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', abort, { once: true });
  try {
    const response = await client.send(`v2/images/${encodeURIComponent(imageId)}/file`, { signal: controller.signal });
    if (response.status === 204) throw noDataError(imageName, null);
    const length = Number(response.headers.get('Content-Length') ?? Number.NaN);
    controller.abort(); // only the headers were wanted
    if (!Number.isSafeInteger(length) || length < 0) {
      throw new DownloadError('size-changed', `Glance did not say how large ${imageName} is (no Content-Length), so it cannot be fetched in ranges.`, false);
    }
    return length;
  } catch (error) {
    if (isApiError(error) && error.status === 403 && /deactivated/i.test(error.message)) throw deactivatedError(imageName);
    throw error;
  } finally {
    signal.removeEventListener('abort', abort);
  }
}
