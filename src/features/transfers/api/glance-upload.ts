// Sends a file to Glance with XMLHttpRequest: fetch() cannot report upload progress, and a
// File given as the body is streamed by the browser from disk (memory stays flat).
import { ApiError, messageFromBody } from '@/lib/api-error';
import { glance } from '@/lib/glance';
import { joinUrl } from '@/lib/http';
import { sessionStore } from '@/lib/session';

export interface SendFileOptions {
  signal: AbortSignal;
  headers?: Record<string, string>;
  /** Bytes the browser has sent so far, and the total. */
  onProgress?: (loaded: number, total: number) => void;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** PUTs `file` as application/octet-stream to a Glance path; resolves on 2xx, throws ApiError otherwise. */
export function putFile(path: string, file: Blob, { signal, headers = {}, onProgress }: SendFileOptions): Promise<void> {
  const client = glance();
  const url = joinUrl(client.baseUrl, path);
  const token = sessionStore.token();
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal.removeEventListener('abort', onAbort);
    xhr.open('PUT', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (token) xhr.setRequestHeader('X-Auth-Token', token);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    if (onProgress) xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      settle();
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(file.size, file.size);
        return resolve();
      }
      if (xhr.status === 401 && token) sessionStore.markExpired();
      const body = parseBody(xhr.responseText);
      reject(
        new ApiError({
          status: xhr.status,
          service: 'glance',
          message: messageFromBody(body) ?? xhr.statusText,
          requestId: xhr.getResponseHeader('x-openstack-request-id') ?? undefined,
          body,
        }),
      );
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiError({ status: 0, service: 'glance', kind: 'network', message: 'The connection to Glance dropped during the upload.' }));
    };
    xhr.onabort = () => {
      settle();
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    xhr.send(file);
  });
}
