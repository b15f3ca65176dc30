import { vi } from 'vitest';
import type { DownloadSink } from '@/features/transfers/download/sinks';

// Test support (imported by unit tests only): a stand-in Glance behind a replaced fetch. It
// serves ranges of a buffer as Glance does (206, Content-Range, Content-MD5), and can cut a
// body short after some bytes or answer a request with an error status, to drive retries and
// resume. Undo with vi.unstubAllGlobals().

// Stands for Glance's Content-MD5 header.
export const CONTENT_MD5 = '7134e53f5e67a4a1dcc2012fb138c6b9';

export interface Served {
  range: string | null;
  token: string | null;
  url: string;
}

export function fakeGlance(data: Uint8Array, faults: { cutAfter?: Map<number, number>; statusFor?: (start: number, attempt: number) => number | undefined; pieceSize?: number } = {}) {
  const served: Served[] = [];
  const attempts = new Map<number, number>();
  const fetchStub = vi.fn((url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    const range = headers.get('Range');
    served.push({ range, token: headers.get('X-Auth-Token'), url });
    const [, from = '0', to = String(data.byteLength - 1)] = /bytes=(\d+)-(\d+)/.exec(range ?? '') ?? [];
    const start = Number(from);
    const end = Math.min(Number(to), data.byteLength - 1);
    const attempt = (attempts.get(start) ?? 0) + 1;
    attempts.set(start, attempt);
    const status = faults.statusFor?.(start, attempt);
    if (status) {
      const body = status === 403 ? { message: 'The requested image has been deactivated. Image data download is forbidden.<br /><br />' } : { message: 'boom' };
      return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    }
    const slice = data.slice(start, end + 1);
    const cut = faults.cutAfter?.get(start);
    if (cut !== undefined) faults.cutAfter?.delete(start);
    // Several pieces per body, as the network delivers them; a cut one breaks after `cut` bytes.
    const limit = cut ?? slice.byteLength;
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= limit) {
          if (cut !== undefined) controller.error(new TypeError('network error'));
          else controller.close();
          return;
        }
        const piece = faults.pieceSize ?? 7;
        controller.enqueue(slice.slice(offset, Math.min(limit, offset + piece)));
        offset += piece;
      },
    });
    return Promise.resolve(
      new Response(body, {
        status: 206,
        headers: { 'Content-Range': `bytes ${String(start)}-${String(end)}/${String(data.byteLength)}`, 'Content-MD5': CONTENT_MD5 },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchStub);
  return { served };
}

/** A sink that keeps what it was given and says whether it was closed or discarded. */
export function memorySink() {
  const parts: Uint8Array[] = [];
  const sink: DownloadSink & { parts: Uint8Array[]; size: () => number; written: () => number[]; discarded: boolean; closed: boolean } = {
    kind: 'browser',
    parts,
    size: () => parts.reduce((sum, part) => sum + part.byteLength, 0),
    written: () => parts.flatMap((part) => Array.from(part)),
    discarded: false,
    closed: false,
    write: (bytes) => {
      parts.push(bytes.slice());
      return Promise.resolve();
    },
    close: () => {
      sink.closed = true;
      return Promise.resolve();
    },
    discard: () => {
      sink.discarded = true;
      return Promise.resolve();
    },
  };
  return sink;
}
