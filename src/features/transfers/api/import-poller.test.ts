import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImageTask, TransferImage } from '@/features/transfers/api/import-progress';
import { pollDelay, pollImport } from '@/features/transfers/api/import-poller';
import type { TransferContext } from '@/features/transfers/api/transfer-types';

// Glance's answers to successive polls; the interpretation itself is the real one.
let polls: { image: TransferImage; tasks: ImageTask[] | null }[];
let current = 0;
vi.mock('@/features/transfers/api/import-progress', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/features/transfers/api/import-progress')>()),
  fetchTransferImage: () => Promise.resolve(polls[Math.min(current, polls.length - 1)]?.image),
  fetchImageTasks: () => Promise.resolve(polls[Math.min(current++, polls.length - 1)]?.tasks ?? null),
}));

const image = (fields: Partial<TransferImage>): TransferImage => ({ id: 'img-1', status: 'importing', ...fields });
const task = (fields: Partial<ImageTask>): ImageTask => ({ id: 't1', type: 'api_image_import', status: 'processing', request_id: 'req-1', ...fields });

function context(controller = new AbortController()) {
  const seen = { notes: [] as (string | undefined)[], stores: [] as string[][], progress: [] as [number, number | null | undefined][] };
  const value: TransferContext = {
    id: 't', signal: controller.signal, attempt: 1,
    progress: (done, total) => seen.progress.push([done, total]),
    phase: () => {}, note: (text) => seen.notes.push(text), verification: () => {},
    stores: (stores) => seen.stores.push(stores), offerDelete: () => {},
  };
  return { value, seen };
}

beforeEach(() => {
  vi.useFakeTimers();
  current = 0;
});
afterEach(() => vi.useRealTimers());

describe('pollImport', () => {
  it('waits a little longer between polls, up to 5 s', () => {
    expect([0, 1, 2, 8, 100].map(pollDelay)).toEqual([1000, 1500, 2000, 5000, 5000]);
  });

  it('follows the import to active, passing on Glance\'s progress words, copied bytes and stores', async () => {
    polls = [
      { image: image({ status: 'importing', os_glance_importing_to_stores: 'fast,slow' }), tasks: [task({ message: 'Copied 2 MiB' })] },
      { image: image({ status: 'active', stores: 'fast', os_glance_importing_to_stores: 'slow', size: 4 * 1024 * 1024 }), tasks: [task({ message: 'Copied 4 MiB' })] },
      { image: image({ status: 'active', stores: 'fast,slow', os_glance_importing_to_stores: '' }), tasks: [task({ status: 'success' })] },
    ];
    const { value, seen } = context();
    const done = pollImport({ imageId: 'img-1', method: 'glance-direct', requestId: 'req-1' }, value);
    await vi.runAllTimersAsync();
    await expect(done).resolves.toMatchObject({ status: 'active', stores: 'fast,slow' });
    expect(seen.notes).toEqual(['Copied 2 MiB', 'Copied 4 MiB', undefined]);
    expect(seen.progress).toEqual([[2 * 1024 * 1024, undefined], [4 * 1024 * 1024, 4 * 1024 * 1024]]);
    expect(seen.stores).toEqual([['fast', 'slow'], ['fast', 'slow'], ['fast', 'slow']]);
  });

  it('fails with Glance\'s own words when the task fails', async () => {
    polls = [
      { image: image({}), tasks: [task({})] },
      { image: image({ status: 'queued' }), tasks: [task({ status: 'failure', message: 'Image disk_format qcow2 does not match the data<br /><br />' })] },
    ];
    const done = pollImport({ imageId: 'img-1', method: 'web-download', requestId: 'req-1' }, context().value);
    const failed = expect(done).rejects.toThrow('Glance: Image disk_format qcow2 does not match the data');
    await vi.runAllTimersAsync();
    await failed;
  });

  it('stops when aborted', async () => {
    polls = [{ image: image({}), tasks: [] }];
    const controller = new AbortController();
    const done = pollImport({ imageId: 'img-1', method: 'web-download' }, context(controller).value);
    const stopped = expect(done).rejects.toThrow('stop');
    await vi.advanceTimersByTimeAsync(3000);
    controller.abort(new Error('stop'));
    await stopped;
  });
});
