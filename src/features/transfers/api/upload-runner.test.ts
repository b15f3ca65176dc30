import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { sessionStore } from '@/lib/session';
import type { HashValues } from '@/features/transfers/api/hash-names';
import type { TransferImage } from '@/features/transfers/api/import-progress';
import type { TransferContext, UploadRequest, Verification } from '@/features/transfers/api/transfer-types';
import { runUpload } from '@/features/transfers/api/upload-runner';

// The runner's collaborators, each replaced by a fake that records what it was asked.
const calls: string[] = [];
let images: TransferImage[]; // what successive GETs of the image answer
let computed: Record<string, HashValues>; // what the hasher answers per algorithm list
let algo: string;
let directAnswer: 'ok' | 403; // what PUT /file answers
let importMethods: string[]; // what GET /v2/info/import lists

vi.mock('@/features/transfers/api/import-progress', () => ({
  fetchTransferImage: () => {
    const image = images.length > 1 ? images.shift() : images[0];
    calls.push(`GET image (${image?.status})`);
    return Promise.resolve(image);
  },
}));
vi.mock('@/features/transfers/api/image-data', () => ({
  uploadImageData: (_id: string, file: File, options: { store?: string; onProgress: (n: number) => void }) => {
    calls.push(`PUT file${options.store ? ` store=${options.store}` : ''}`);
    if (directAnswer === 403) return Promise.reject(new ApiError({ status: 403, service: 'glance', message: 'You are not authorized to complete upload_image action.' }));
    options.onProgress(file.size);
    return Promise.resolve();
  },
  stageImageData: (_id: string, file: File, options: { onProgress: (n: number) => void }) => {
    calls.push('PUT stage');
    options.onProgress(file.size);
    return Promise.resolve();
  },
}));
vi.mock('@/features/transfers/api/image-import', () => ({
  requestImport: (_id: string, options: { method: string; stores?: string[] }) => {
    calls.push(`POST import ${options.method}${options.stores ? ` stores=${options.stores.join(',')}` : ''}`);
    return Promise.resolve('req-1');
  },
}));
vi.mock('@/features/transfers/api/import-poller', () => ({
  pollImport: (options: { requestId?: string }) => {
    calls.push(`poll ${options.requestId ?? 'without request id'}`);
    return Promise.resolve(images[0]);
  },
}));
vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: (path: string) => {
      calls.push(`GET ${path}`);
      return Promise.resolve({ 'import-methods': { value: importMethods } });
    },
  }),
}));
vi.mock('@/features/transfers/api/hasher', () => ({
  hashBlob: (_file: Blob, algorithms: string[]) => {
    calls.push(`hash ${algorithms.join('+')}`);
    const values = computed[algorithms.join('+')];
    return values ? Promise.resolve(values) : Promise.reject(new Error('The hash worker stopped: it could not load.'));
  },
}));
vi.mock('@/features/transfers/api/hash-algo-probe', () => ({
  cloudHashAlgo: () => Promise.resolve(algo),
  learnHashAlgo: (name: string) => calls.push(`learn ${name}`),
}));

const stored = (fields: Partial<TransferImage> = {}): TransferImage => ({
  id: 'img-1', status: 'active', checksum: 'md5-ok', os_hash_algo: 'sha512', os_hash_value: 'sha-ok', ...fields,
});

function fakeContext() {
  const reported = { phases: [] as string[], verification: undefined as Verification | undefined, offerDelete: [] as boolean[], progress: [] as number[] };
  const context: TransferContext = {
    id: 't1',
    signal: new AbortController().signal,
    attempt: 1,
    progress: (bytes) => reported.progress.push(bytes),
    phase: (state) => reported.phases.push(state),
    note: () => {},
    verification: (verification) => {
      reported.verification = verification;
    },
    stores: () => {},
    offerDelete: (offer) => reported.offerDelete.push(offer),
  };
  return { context, reported };
}

const request = (fields: Partial<UploadRequest> = {}): UploadRequest => ({
  imageId: 'img-1', imageName: 'cirros', file: new File([new Uint8Array(64)], 'c.raw'), method: 'direct', ...fields,
});

beforeEach(() => {
  calls.length = 0;
  algo = 'sha512';
  computed = { 'md5+sha512': { md5: 'md5-ok', sha512: 'sha-ok' } };
  directAnswer = 'ok';
  importMethods = ['glance-direct', 'web-download'];
  sessionStore.signOut();
});

describe('runUpload', () => {
  it('direct: PUTs the file to the chosen store while hashing, then verifies against what Glance recorded', async () => {
    images = [stored({ status: 'queued' }), stored()];
    const { context, reported } = fakeContext();
    await runUpload(request({ stores: ['fast', 'slow'] }), context);
    expect(calls).toEqual(['GET image (queued)', 'PUT file store=fast', 'hash md5+sha512', 'GET image (active)', 'learn sha512']);
    expect(reported.phases).toEqual(['running', 'verifying']);
    expect(reported.verification?.state).toBe('verified');
    expect(reported.offerDelete).toEqual([true, false]);
  });

  it('glance-direct: stages, imports to the stores, follows the import, verifies', async () => {
    images = [stored({ status: 'queued' }), stored()];
    const { context, reported } = fakeContext();
    await runUpload(request({ method: 'glance-direct', stores: ['a', 'b'] }), context);
    expect(calls.filter((call) => !call.startsWith('hash') && !call.startsWith('learn'))).toEqual([
      'GET image (queued)', 'PUT stage', 'POST import glance-direct stores=a,b', 'poll req-1', 'GET image (active)',
    ]);
    expect(reported.phases).toEqual(['running', 'importing', 'verifying']);
    expect(reported.verification?.state).toBe('verified');
  });

  it('a retry of a staged glance-direct upload imports without sending the data again', async () => {
    images = [stored({ status: 'uploading' }), stored()];
    await runUpload(request({ method: 'glance-direct' }), fakeContext().context);
    expect(calls).not.toContain('PUT stage');
    expect(calls).toContain('POST import glance-direct');
  });

  it('a retry while Glance still imports follows it without asking again', async () => {
    images = [stored({ status: 'importing' }), stored()];
    await runUpload(request({ method: 'glance-direct' }), fakeContext().context);
    expect(calls.filter((call) => /PUT|POST/.test(call))).toEqual([]);
    expect(calls).toContain('poll without request id');
  });

  it('refuses an image that cannot take data, saying what to do, and offers to delete it', async () => {
    images = [stored({ status: 'killed' })];
    const { context, reported } = fakeContext();
    await expect(runUpload(request(), context)).rejects.toThrow('The image is killed: Glance takes data only into a queued image. Delete it and create it again.');
    expect(reported.offerDelete).toEqual([true]);
    expect(calls).toEqual(['GET image (killed)']);
  });

  it('a mismatch fails loudly with both values and offers to delete the image', async () => {
    images = [stored({ status: 'queued' }), stored({ checksum: 'md5-other' })];
    const { context, reported } = fakeContext();
    await expect(runUpload(request(), context)).rejects.toThrow(/does not match your file/);
    expect(reported.verification).toMatchObject({ state: 'mismatch', expected: { md5: 'md5-other' }, actual: { md5: 'md5-ok' } });
    expect(reported.offerDelete.at(-1)).toBe(true);
  });

  it('hashes once more when the cloud uses another algorithm than guessed', async () => {
    computed.sha256 = { sha256: 'sha256-ok' };
    images = [stored({ status: 'queued' }), stored({ os_hash_algo: 'sha256', os_hash_value: 'sha256-ok' })];
    const { context, reported } = fakeContext();
    await runUpload(request(), context);
    expect(calls.filter((call) => call.startsWith('hash'))).toEqual(['hash md5+sha512', 'hash sha256']);
    expect(reported.verification).toMatchObject({ state: 'verified', actual: { md5: 'md5-ok', algo: 'sha256', value: 'sha256-ok' } });
  });

  it('an upload that worked but could not be hashed succeeds, "not verified" with the reason', async () => {
    computed = {};
    images = [stored({ status: 'queued' }), stored()];
    const { context, reported } = fakeContext();
    await runUpload(request(), context);
    expect(reported.verification).toMatchObject({ state: 'unavailable', reason: 'The hash worker stopped: it could not load.', expected: { md5: 'md5-ok' } });
  });

  it('fails when Glance accepted the data but the image did not become active', async () => {
    images = [stored({ status: 'queued' }), stored({ status: 'saving' })];
    await expect(runUpload(request(), fakeContext().context)).rejects.toThrow('Glance accepted the data, but the image is saving instead of active. Retry, or delete the image.');
  });

  it('a cloud that refuses direct uploads (403) but offers glance-direct gets the file staged, and the session remembers', async () => {
    directAnswer = 403;
    images = [stored({ status: 'queued' }), stored()];
    const { context, reported } = fakeContext();
    await runUpload(request(), context);
    expect(calls.filter((call) => /PUT|POST|info/.test(call))).toEqual(['PUT file', 'GET v2/info/import', 'PUT stage', 'POST import glance-direct']);
    expect(reported.verification?.state).toBe('verified');
    calls.length = 0;
    images = [stored({ status: 'queued' }), stored()];
    await runUpload(request(), fakeContext().context);
    expect(calls.filter((call) => /PUT|POST|info/.test(call))).toEqual(['PUT stage', 'POST import glance-direct']);
  });

  it('a refused direct upload on a cloud without glance-direct fails with Glance\'s words', async () => {
    directAnswer = 403;
    importMethods = ['web-download'];
    images = [stored({ status: 'queued' })];
    await expect(runUpload(request(), fakeContext().context)).rejects.toThrow('upload_image');
    expect(calls).not.toContain('PUT stage');
  });
});
