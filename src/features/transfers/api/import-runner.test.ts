import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runImport } from '@/features/transfers/api/import-runner';
import type { ImportRequest, TransferContext } from '@/features/transfers/api/transfer-types';

// The runner's collaborators record what they were asked.
const calls: string[] = [];
vi.mock('@/features/transfers/api/image-import', () => ({
  requestImport: (_id: string, options: { method: string }) => {
    calls.push(`POST import ${options.method}`);
    return Promise.resolve('req-new');
  },
}));
vi.mock('@/features/transfers/api/import-poller', () => ({
  pollImport: (options: { requestId?: string }) => {
    calls.push(`poll ${options.requestId ?? 'without request id'}`);
    return Promise.resolve({ id: 'img-1', status: 'active', size: 10, checksum: 'c' });
  },
}));
vi.mock('@/features/transfers/api/import-progress', () => ({
  fetchTransferImage: () => {
    calls.push('GET image');
    return Promise.resolve({ id: 'img-1', status: 'active', os_glance_importing_to_stores: '' });
  },
  storeList: (value: string | undefined) => (value ? value.split(',') : []),
}));

const context = (attempt: number): TransferContext => ({
  id: 't1', signal: new AbortController().signal, attempt,
  progress: () => {}, phase: () => {}, note: () => {}, verification: () => {}, stores: () => {}, offerDelete: () => {},
});
const copy: ImportRequest = { imageId: 'img-1', imageName: 'cirros', method: 'copy-image', stores: ['b'], allStoresMustSucceed: true, requestId: 'req-page' };

beforeEach(() => {
  calls.length = 0;
});

describe('runImport', () => {
  it('follows an import the page already asked for, by its request id, without asking again', async () => {
    await runImport(copy, context(1));
    expect(calls).toEqual(['poll req-page']);
  });

  it('a retry asks Glance again when nothing is running any more', async () => {
    await runImport(copy, context(2));
    expect(calls).toEqual(['GET image', 'POST import copy-image', 'poll req-new']);
  });

  it('without a request id, the first run asks', async () => {
    await runImport({ ...copy, requestId: undefined }, context(1));
    expect(calls).toEqual(['POST import copy-image', 'poll req-new']);
  });
});
