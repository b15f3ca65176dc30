import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TransferError, type DownloadRequest, type TransferContext, type Verification } from '@/features/transfers/api/transfer-types';
import { fakeGlance, memorySink } from '@/features/transfers/download/fake-glance';
import { createHttpClient } from '@/lib/http';

// The runner as the transfer store calls it, with a stand-in Glance (fake-glance.ts), a sink in
// memory and hashers that "digest" to values the test chooses; the planner, the job and the
// verification are the real ones.

const sinks: ReturnType<typeof memorySink>[] = [];
const digests: Record<string, string> = {};

vi.mock('@/lib/glance', () => ({
  glance: () => createHttpClient({ service: 'glance', baseUrl: 'http://glance.test', getToken: () => 'token' }),
}));
vi.mock('@/features/transfers/api/hasher', () => ({
  createHasher: (algorithms: string[]) => ({
    update: () => Promise.resolve(),
    digest: () => Promise.resolve(Object.fromEntries(algorithms.map((algorithm) => [algorithm, digests[algorithm] ?? '']))),
    dispose: () => undefined,
  }),
}));
vi.mock('@/features/transfers/download/sinks', async (original) => ({
  ...(await original<typeof import('@/features/transfers/download/sinks')>()),
  openSink: () => {
    const sink = memorySink();
    sinks.push(sink);
    return Promise.resolve(sink);
  },
}));

const { runDownload, hashAlgorithms, downloadTuning } = await import('@/features/transfers/download/download-runner');

const MiB = 1024 * 1024;
const data = new Uint8Array(20 * MiB).map((_, index) => index % 253);
const request: DownloadRequest = {
  imageId: 'img-1',
  imageName: 'cirros',
  fileName: 'cirros.raw',
  size: data.byteLength,
  expected: { md5: 'aa', algo: 'sha512', value: 'bb' },
};

function context(id: string) {
  const verifications: Verification[] = [];
  const phases: string[] = [];
  const controller = new AbortController();
  const ctx: TransferContext = {
    id,
    signal: controller.signal,
    attempt: 1,
    progress: () => undefined,
    phase: (state) => phases.push(state),
    note: () => undefined,
    verification: (verification) => verifications.push(verification),
    stores: () => undefined,
    offerDelete: () => undefined,
  };
  return { ctx, verifications, phases, controller };
}

beforeEach(() => {
  sinks.length = 0;
  Object.assign(digests, { md5: 'aa', sha512: 'bb' });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('hashAlgorithms', () => {
  it('hashes md5 and the cloud’s algorithm when Glance has a value for it', () => {
    expect(hashAlgorithms({ md5: 'x', algo: 'sha512', value: 'y' })).toEqual(['md5', 'sha512']);
    expect(hashAlgorithms({ md5: 'x', algo: 'SHA3-256', value: 'y' })).toEqual(['md5', 'sha3_256']);
    expect(hashAlgorithms({ md5: 'x', algo: 'whirlpool', value: 'y' })).toEqual(['md5']);
    expect(hashAlgorithms({ md5: 'x', algo: 'sha512', value: null })).toEqual(['md5']);
  });
});

describe('runDownload', () => {
  it('keeps the file when both hashes match, after verifying', async () => {
    const { served } = fakeGlance(data, { pieceSize: 64 * 1024 });
    const { ctx, verifications, phases } = context('t-ok');
    await runDownload(request, ctx);
    expect(served.map((entry) => entry.range).sort()).toEqual(['bytes=0-8388607', 'bytes=16777216-20971519', 'bytes=8388608-16777215']);
    expect(sinks[0]?.size()).toBe(data.byteLength);
    expect(sinks[0]?.closed).toBe(true);
    expect(phases).toEqual(['verifying']);
    expect(verifications.map((verification) => verification.state)).toEqual(['pending', 'verified']);
  });

  it('saves nothing when a hash differs, and says so', async () => {
    fakeGlance(data, { pieceSize: 64 * 1024 });
    digests.sha512 = 'not-bb';
    const { ctx, verifications } = context('t-mismatch');
    const failure = runDownload(request, ctx);
    await expect(failure).rejects.toBeInstanceOf(TransferError);
    await expect(failure).rejects.toThrow(/do not match what Glance recorded .* so the file was not saved/);
    expect(verifications.at(-1)).toMatchObject({ state: 'mismatch', actual: { md5: 'aa', algo: 'sha512', value: 'not-bb' } });
    expect(sinks[0]).toMatchObject({ closed: false, discarded: true });
  });

  it('a retry after retries ran out continues where the download stopped, into the same file', async () => {
    let failing = true;
    const { served } = fakeGlance(data, { pieceSize: 64 * 1024, statusFor: (start) => (failing && start === 2 * 8 * MiB ? 503 : undefined) });
    downloadTuning.planner = { baseDelayMs: 1, maxDelayMs: 2 };
    try {
      const first = context('t-resume');
      const failed = await runDownload(request, first.ctx).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(TransferError);
      expect((failed as Error).message).toMatch(/Downloading cirros: Glance \(images\) is unavailable/);
      expect(sinks[0]?.discarded).toBe(false);
      const before = served.length;
      failing = false;
      const second = context('t-resume');
      await runDownload(request, second.ctx);
      expect(served.slice(before).map((entry) => entry.range)).toEqual(['bytes=16777216-20971519']);
      expect(sinks).toHaveLength(1);
      expect(sinks[0]?.size()).toBe(data.byteLength);
      expect(sinks[0]?.closed).toBe(true);
    } finally {
      downloadTuning.planner = {};
    }
  });

  it('explains a deactivated image and keeps nothing for a retry', async () => {
    fakeGlance(data, { pieceSize: 64 * 1024, statusFor: () => 403 });
    const { ctx } = context('t-403');
    await expect(runDownload(request, ctx)).rejects.toThrow('cirros is deactivated: Glance refuses to hand out its data (403)');
    expect(sinks[0]?.discarded).toBe(true);
  });
});
