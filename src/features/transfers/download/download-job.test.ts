import { afterEach, describe, expect, it, vi } from 'vitest';
import { DownloadJob, type JobHasher } from '@/features/transfers/download/download-job';
import { DownloadError } from '@/features/transfers/download/download-errors';
import type { DownloadSink } from '@/features/transfers/download/sinks';
import { createHttpClient } from '@/lib/http';

// The job against a stand-in Glance (fetch replaced): it serves ranges of a buffer like
// Glance does, and can cut a body short or fail a request, to drive retries and resume.

interface Served {
  range: string | null;
  token: string | null;
  url: string;
}

function fakeGlance(data: Uint8Array, faults: { cutAfter?: Map<number, number>; statusFor?: (start: number, attempt: number) => number | undefined } = {}) {
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
        controller.enqueue(slice.slice(offset, Math.min(limit, offset + 7)));
        offset += 7;
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

// Stands for Glance's Content-MD5; the test hasher below "digests" to the bytes it saw, in order.
const CONTENT_MD5 = '7134e53f5e67a4a1dcc2012fb138c6b9';
const md5 = (data: Uint8Array) => [...data].join(',');

function memorySink() {
  const written: number[] = [];
  const sink: DownloadSink & { written: number[]; discarded: boolean } = {
    kind: 'browser',
    written,
    discarded: false,
    write: (bytes) => {
      written.push(...bytes);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
    discard: () => {
      sink.discarded = true;
      return Promise.resolve();
    },
  };
  return sink;
}

/** Records what it was fed, in order, as its "md5". */
function recordingHasher(): JobHasher & { disposed: boolean } {
  const seen: number[] = [];
  return {
    disposed: false,
    update: (bytes) => {
      seen.push(...bytes);
      return Promise.resolve();
    },
    digest: () => Promise.resolve({ md5: seen.join(',') }),
    dispose() {
      this.disposed = true;
    },
  };
}

function job(data: Uint8Array, sink = memorySink(), hasher = recordingHasher()) {
  const client = createHttpClient({ service: 'glance', baseUrl: 'http://glance.test', getToken: () => 'secret-token' });
  return new DownloadJob({
    fetch: { client, imageId: 'img-1', imageName: 'cirros', idleTimeoutMs: 5_000 },
    total: data.byteLength,
    sink,
    hasher,
    planner: { chunkSize: 10, maxInFlight: 3, lookahead: 3, baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 },
    output: { blockSize: 8, maxPending: 16 },
    random: () => 0,
  });
}

const image = Uint8Array.from({ length: 95 }, (_, index) => (index * 31) % 251);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DownloadJob', () => {
  it('fetches every range with the token in X-Auth-Token, writes and hashes the bytes in order', async () => {
    const { served } = fakeGlance(image);
    const sink = memorySink();
    const download = job(image, sink);
    const progress: number[] = [];
    await download.receive(new AbortController().signal, ({ bytesReceived }) => progress.push(bytesReceived));
    expect(sink.written).toEqual([...image]);
    expect(await download.digest()).toEqual({ md5: md5(image) });
    expect(download.contentMd5).toBe(CONTENT_MD5);
    expect(served.map((request) => request.range).sort()).toEqual(
      ['bytes=0-9', 'bytes=10-19', 'bytes=20-29', 'bytes=30-39', 'bytes=40-49', 'bytes=50-59', 'bytes=60-69', 'bytes=70-79', 'bytes=80-89', 'bytes=90-94'].sort(),
    );
    expect(served.every((request) => request.token === 'secret-token' && !request.url.includes('secret-token'))).toBe(true);
    expect(served[0]?.url).toBe('http://glance.test/v2/images/img-1/file');
    expect(progress.at(-1)).toBe(95);
  });

  it('resumes a dropped connection from the first missing byte instead of starting over', async () => {
    const { served } = fakeGlance(image, { cutAfter: new Map([[20, 4]]) });
    const sink = memorySink();
    const download = job(image, sink);
    await download.receive(new AbortController().signal, () => undefined);
    expect(served.map((request) => request.range)).toContain('bytes=24-29');
    expect(sink.written).toEqual([...image]);
    expect(await download.digest()).toEqual({ md5: md5(image) });
  });

  it('retries a 503 with backoff', async () => {
    const { served } = fakeGlance(image, { statusFor: (start, attempt) => (start === 30 && attempt < 3 ? 503 : undefined) });
    const sink = memorySink();
    const download = job(image, sink);
    await download.receive(new AbortController().signal, () => undefined);
    expect(served.filter((request) => request.range === 'bytes=30-39')).toHaveLength(3);
    expect(sink.written).toEqual([...image]);
  });

  it('gives up after maxAttempts, keeps what arrived, and continues from there when asked again', async () => {
    let failing = true;
    const { served } = fakeGlance(image, { statusFor: (start) => (failing && start === 50 ? 502 : undefined) });
    const sink = memorySink();
    const download = job(image, sink);
    await expect(download.receive(new AbortController().signal, () => undefined)).rejects.toMatchObject({ status: 502 });
    const before = served.length;
    const receivedBefore = download.bytesReceived;
    expect(receivedBefore).toBeGreaterThanOrEqual(50);
    failing = false;
    await download.receive(new AbortController().signal, () => undefined);
    const again = served.slice(before).map((request) => request.range);
    expect(again).toContain('bytes=50-59');
    expect(again).not.toContain('bytes=0-9'); // nothing already received is fetched twice
    expect(sink.written).toEqual([...image]);
    expect(await download.digest()).toEqual({ md5: md5(image) });
  });

  it('stops at once on a deactivated image, with one request only', async () => {
    const { served } = fakeGlance(image, { statusFor: () => 403 });
    const download = job(image);
    const failure = download.receive(new AbortController().signal, () => undefined);
    await expect(failure).rejects.toBeInstanceOf(DownloadError);
    await expect(failure).rejects.toMatchObject({ problem: 'deactivated' });
    expect(served).toHaveLength(1);
  });

  it('stops when the signal aborts, and discard() ends the hasher and drops the sink', async () => {
    fakeGlance(image);
    const sink = memorySink();
    const hasher = recordingHasher();
    const download = job(image, sink, hasher);
    const controller = new AbortController();
    controller.abort(new Error('Cancelled.'));
    await expect(download.receive(controller.signal, () => undefined)).rejects.toThrow('Cancelled.');
    await download.discard();
    expect(sink.discarded).toBe(true);
    expect(hasher.disposed).toBe(true);
  });
});
