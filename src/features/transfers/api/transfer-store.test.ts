import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { sessionStore } from '@/lib/session';
import { MAX_ACTIVE_TRANSFERS, transferStore } from '@/features/transfers/api/transfer-store';
import { TransferError, type TransferContext, type UploadRequest } from '@/features/transfers/api/transfer-types';

// A runner the test drives by hand: each run waits until the test settles it.
interface Run {
  context: TransferContext;
  resolve: () => void;
  reject: (error: unknown) => void;
}
let runs: Run[];

function manualRunner(_request: unknown, context: TransferContext): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    runs.push({ context, resolve, reject });
    context.signal.addEventListener('abort', () => reject(context.signal.reason));
  });
}

const upload = (name: string, size = 1000): UploadRequest => ({
  imageId: `img-${name}`,
  imageName: name,
  file: new File([new Uint8Array(size)], `${name}.raw`),
  method: 'direct',
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const stateOf = (id: string) => transferStore.get(id)?.state;

beforeEach(() => {
  transferStore.resetForTests();
  runs = [];
  transferStore.registerRunner('upload', manualRunner);
  transferStore.registerRunner('import', manualRunner);
});
afterEach(() => {
  vi.useRealTimers();
  transferStore.resetForTests();
});

describe('transferStore', () => {
  it('runs an upload to done, lists transfers newest first, and tells settle listeners once', async () => {
    const settled = vi.fn();
    transferStore.onSettled(settled);
    const first = transferStore.start('upload', upload('a', 500), 'direct', undefined);
    const second = transferStore.start('upload', upload('b'), 'direct', ['fast']);
    expect(transferStore.getSnapshot().map((transfer) => transfer.id)).toEqual([second, first]);
    expect(transferStore.get(first)).toMatchObject({ kind: 'upload', imageId: 'img-a', state: 'running', bytesTotal: 500, offerDelete: true });
    expect(transferStore.get(second)?.stores).toEqual(['fast']);

    runs[0]?.context.progress(500, 500);
    runs[0]?.context.offerDelete(false);
    runs[0]?.resolve();
    await flush();
    expect(transferStore.get(first)).toMatchObject({ state: 'done', bytesDone: 500, offerDelete: false });
    expect(transferStore.get(first)?.finishedAt).toBeTypeOf('number');
    expect(settled).toHaveBeenCalledTimes(1);
    expect(settled.mock.calls[0]?.[0]).toMatchObject({ id: first, state: 'done' });
  });

  it('gives a new snapshot array on change and the same one otherwise (useSyncExternalStore needs that)', () => {
    const before = transferStore.getSnapshot();
    expect(transferStore.getSnapshot()).toBe(before);
    transferStore.start('upload', upload('a'), 'direct', undefined);
    expect(transferStore.getSnapshot()).not.toBe(before);
  });

  it('computes speed over time from progress and notifies listeners of progress at most every 200 ms', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const listener = vi.fn();
    transferStore.subscribe(listener);
    const id = transferStore.start('upload', upload('a', 10_000_000), 'direct', undefined);
    listener.mockClear();
    runs[0]?.context.progress(0);
    vi.advanceTimersByTime(1000);
    listener.mockClear();
    runs[0]?.context.progress(2_000_000);
    runs[0]?.context.progress(2_000_001);
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(listener).toHaveBeenCalledTimes(1);
    const transfer = transferStore.get(id);
    expect(transfer?.bytesDone).toBe(2_000_001);
    expect(transfer?.bytesPerSecond).toBeCloseTo(2_000_001, -1);
  });

  it('records an ApiError as a failure in words, and a TransferError with its own message', async () => {
    const a = transferStore.start('upload', upload('a'), 'direct', undefined);
    const b = transferStore.start('upload', upload('b'), 'direct', undefined);
    runs[0]?.reject(new ApiError({ status: 409, service: 'glance', message: 'Image status transition from active to saving is not allowed' }));
    runs[1]?.reject(new TransferError('The image is killed: delete it.'));
    await flush();
    expect(transferStore.get(a)).toMatchObject({ state: 'failed', error: 'Conflict: Image status transition from active to saving is not allowed' });
    expect(transferStore.get(b)).toMatchObject({ state: 'failed', error: 'The image is killed: delete it.' });
  });

  it('cancel aborts the runner: the transfer is cancelled (not failed), keeps the delete offer, and late reports are ignored', async () => {
    const id = transferStore.start('upload', upload('a'), 'direct', undefined);
    const run = runs[0];
    transferStore.cancel(id);
    await flush();
    expect(run?.context.signal.aborted).toBe(true);
    expect(transferStore.get(id)).toMatchObject({ state: 'cancelled', error: undefined, offerDelete: true });
    run?.context.progress(999);
    run?.context.phase('verifying');
    expect(transferStore.get(id)).toMatchObject({ state: 'cancelled', bytesDone: 0 });
  });

  it('stopping during an import says Glance goes on with it (only the watching stops)', async () => {
    const id = transferStore.start('import', { imageId: 'img-w', imageName: 'w', method: 'web-download', uri: 'http://x/y' }, 'web-download', undefined);
    runs[0]?.context.phase('importing');
    transferStore.cancel(id);
    await flush();
    expect(transferStore.get(id)).toMatchObject({ state: 'cancelled', error: undefined });
    expect(transferStore.get(id)?.note).toMatch(/Glance goes on with the import by itself/);
  });

  it('retry runs the runner again with the same request and a higher attempt; only failed or cancelled ones', async () => {
    const id = transferStore.start('upload', upload('a'), 'direct', undefined);
    transferStore.retry(id); // running: ignored
    expect(runs).toHaveLength(1);
    runs[0]?.reject(new TransferError('dropped'));
    await flush();
    transferStore.retry(id);
    expect(runs).toHaveLength(2);
    expect(runs[1]?.context).toMatchObject({ id, attempt: 2 });
    expect(transferStore.get(id)).toMatchObject({ state: 'running', error: undefined });
    runs[1]?.resolve();
    await flush();
    expect(stateOf(id)).toBe('done');
    transferStore.retry(id); // done: ignored
    expect(runs).toHaveLength(2);
  });

  it('dismiss forgets only settled transfers', async () => {
    const id = transferStore.start('upload', upload('a'), 'direct', undefined);
    transferStore.dismiss(id);
    expect(transferStore.get(id)).toBeDefined();
    runs[0]?.resolve();
    await flush();
    transferStore.dismiss(id);
    expect(transferStore.get(id)).toBeUndefined();
    expect(transferStore.getSnapshot()).toEqual([]);
  });

  it(`runs at most ${MAX_ACTIVE_TRANSFERS} uploads at once; the next waits queued; imports take no slot`, async () => {
    const ids = ['a', 'b', 'c'].map((name) => transferStore.start('upload', upload(name), 'direct', undefined));
    const imported = transferStore.start('import', { imageId: 'img-w', imageName: 'w', method: 'web-download', uri: 'http://x/y' }, 'web-download', undefined);
    expect(ids.map(stateOf)).toEqual(['running', 'running', 'queued']);
    expect(stateOf(imported)).toBe('running');
    expect(transferStore.get(imported)?.offerDelete).toBe(true);
    runs[0]?.resolve();
    await flush();
    expect(ids.map(stateOf)).toEqual(['done', 'running', 'running']);
  });

  it('a queued transfer can be cancelled before it starts', () => {
    const ids = ['a', 'b', 'c'].map((name) => transferStore.start('upload', upload(name), 'direct', undefined));
    transferStore.cancel(ids[2] ?? '');
    expect(stateOf(ids[2] ?? '')).toBe('cancelled');
    expect(runs).toHaveLength(2);
  });

  it('fails with a message when no runner is registered for the kind', async () => {
    const id = transferStore.start('download', { imageId: 'i', imageName: 'n', fileName: 'n.raw', size: 5, expected: {} }, 'download', undefined);
    await flush();
    expect(transferStore.get(id)).toMatchObject({ state: 'failed', bytesTotal: 5 });
    expect(transferStore.get(id)?.error).toMatch(/cannot run download transfers/);
  });

  it('sign-out and project switch stop every transfer and forget them all', async () => {
    const id = transferStore.start('upload', upload('a'), 'direct', undefined);
    const run = runs[0];
    sessionStore.signOut();
    await flush();
    expect(run?.context.signal.aborted).toBe(true);
    expect(transferStore.get(id)).toBeUndefined();
    expect(transferStore.getSnapshot()).toEqual([]);
  });

  it('warns before the tab closes while bytes move, and not after', async () => {
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    const id = transferStore.start('upload', upload('a'), 'direct', undefined);
    expect(unload()).toBe(true);
    runs[0]?.resolve();
    await flush();
    expect(stateOf(id)).toBe('done');
    expect(unload()).toBe(false);
    // A server-side import does not hold the tab.
    transferStore.start('import', { imageId: 'img-w', imageName: 'w', method: 'copy-image', stores: ['b'] }, 'copy-image', ['b']);
    expect(unload()).toBe(false);
  });

  it('forgetImage drops the transfer and tells settle listeners (the image lists refresh)', async () => {
    const settled = vi.fn();
    transferStore.onSettled(settled);
    const id = transferStore.start('upload', upload('a'), 'direct', undefined);
    runs[0]?.reject(new TransferError('x'));
    await flush();
    transferStore.forgetImage(id);
    expect(transferStore.get(id)).toBeUndefined();
    expect(settled).toHaveBeenCalledTimes(2);
  });
});
