import { afterEach, describe, expect, it, vi } from 'vitest';
import { DownloadJob, type JobHasher } from '@/features/transfers/download/download-job';
import { DownloadError } from '@/features/transfers/download/download-errors';
import { CONTENT_MD5, fakeGlance, memorySink } from '@/features/transfers/download/fake-glance';
import { createHttpClient } from '@/lib/http';

// The job against a stand-in Glance (fake-glance.ts) that cuts bodies and fails requests.

/** What the recording hasher below reports as the "md5" of the bytes: the bytes, in order. */
const md5 = (data: Uint8Array) => [...data].join(',');

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
    expect(sink.written()).toEqual([...image]);
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
    expect(sink.written()).toEqual([...image]);
    expect(await download.digest()).toEqual({ md5: md5(image) });
  });

  it('retries a 503 with backoff', async () => {
    const { served } = fakeGlance(image, { statusFor: (start, attempt) => (start === 30 && attempt < 3 ? 503 : undefined) });
    const sink = memorySink();
    const download = job(image, sink);
    await download.receive(new AbortController().signal, () => undefined);
    expect(served.filter((request) => request.range === 'bytes=30-39')).toHaveLength(3);
    expect(sink.written()).toEqual([...image]);
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
    expect(sink.written()).toEqual([...image]);
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
