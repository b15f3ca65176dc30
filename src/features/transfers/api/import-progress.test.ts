import { describe, expect, it } from 'vitest';
import { importBody } from '@/features/transfers/api/image-import';
import {
  IMPORT_START_TIMEOUT_MS,
  interpretImportProgress,
  storeList,
  type ImageTask,
  type ImportObservation,
  type TransferImage,
} from '@/features/transfers/api/import-progress';

const image = (fields: Partial<TransferImage> = {}): TransferImage => ({ id: 'img-1', status: 'importing', ...fields });
const task = (fields: Partial<ImageTask> = {}): ImageTask => ({
  id: 't1',
  type: 'api_image_import',
  status: 'processing',
  message: '',
  request_id: 'req-1',
  created_at: '2026-12-02T08:00:00.000000',
  ...fields,
});
const observe = (fields: Partial<ImportObservation> = {}): ImportObservation => ({
  image: image(),
  tasks: [],
  requestId: 'req-1',
  method: 'web-download',
  sawImporting: false,
  elapsedMs: 1000,
  ...fields,
});

describe('interpretImportProgress', () => {
  it.each<[string, Partial<ImportObservation>, { outcome: string; message?: string }]>([
    ['queued, not started yet', { image: image({ status: 'queued' }) }, { outcome: 'pending' }],
    ['importing with Glance\'s progress words', { tasks: [task({ message: 'Copied 15 MiB' })] }, { outcome: 'pending', message: 'Copied 15 MiB' }],
    ['active and no store left', { image: image({ status: 'active', os_glance_importing_to_stores: '' }) }, { outcome: 'done' }],
    ['active, still copying to another store', { image: image({ status: 'active', os_glance_importing_to_stores: 'slow' }) }, { outcome: 'pending' }],
    [
      'our task failed: Glance\'s message, HTML stripped',
      { image: image({ status: 'queued' }), tasks: [task({ status: 'failure', message: 'Image data does not match<br />disk_format' })] },
      { outcome: 'failed', message: 'Image data does not match' },
    ],
    [
      'a failed task without a message',
      { tasks: [task({ status: 'failure', message: null })] },
      { outcome: 'failed', message: "Glance's import task t1 failed without saying why. Ask your operator to check its log." },
    ],
    ['the image was killed', { image: image({ status: 'killed' }) }, { outcome: 'failed', message: 'Glance set the image to killed.' }],
    [
      'back to queued after importing, no task endpoint',
      { image: image({ status: 'queued' }), tasks: null, sawImporting: true },
      { outcome: 'failed', message: 'Glance stopped the import and put the image back to queued. Check the URL or the file, then retry.' },
    ],
    [
      'never started',
      { image: image({ status: 'queued' }), tasks: [], elapsedMs: IMPORT_START_TIMEOUT_MS + 1 },
      { outcome: 'failed', message: 'Glance has not started the import after two minutes. Its import workers may be busy or down; ask your operator.' },
    ],
    [
      'a store failed and every store had to succeed (Glance\'s default)',
      { image: image({ status: 'active', os_glance_failed_import: 'cold' }) },
      { outcome: 'failed', message: 'The import failed for store cold, and every store had to succeed.' },
    ],
    [
      'a store failed, failure allowed, others done',
      { image: image({ status: 'active', os_glance_failed_import: 'cold', stores: 'fast' }), allStoresMustSucceed: false },
      { outcome: 'done', message: 'Imported, but not into cold.' },
    ],
    [
      'every store failed, failure allowed',
      { image: image({ status: 'queued', os_glance_failed_import: 'a,b' }), allStoresMustSucceed: false },
      { outcome: 'failed', message: 'The import failed for stores a, b.' },
    ],
    [
      'copy-image: the image is active from the start, done only when its task is',
      { method: 'copy-image', image: image({ status: 'active', os_glance_importing_to_stores: '' }), tasks: [task({ status: 'processing' })] },
      { outcome: 'pending' },
    ],
    [
      'copy-image finished',
      { method: 'copy-image', image: image({ status: 'active' }), tasks: [task({ status: 'success' })] },
      { outcome: 'done' },
    ],
  ])('%s', (_name, fields, expected) => {
    const progress = interpretImportProgress(observe(fields));
    expect(progress.outcome).toBe(expected.outcome);
    expect(progress.message).toBe(expected.message);
  });

  it('reads the bytes copied from the task message and the stores from the image', () => {
    const progress = interpretImportProgress(
      observe({ image: image({ stores: 'fast', os_glance_importing_to_stores: 'slow,cold' }), tasks: [task({ message: 'Copied 15 MiB' })] }),
    );
    expect(progress).toMatchObject({ bytesCopied: 15 * 1024 * 1024, stores: ['fast'], importingTo: ['slow', 'cold'], failedStores: [] });
  });

  it('follows the task with our request id, not an older failed one', () => {
    const older = task({ id: 'old', status: 'failure', message: 'old failure', request_id: 'req-0', created_at: '2026-12-01T00:00:00' });
    const ours = task({ id: 'new', status: 'processing', message: 'Copied 1 MiB' });
    expect(interpretImportProgress(observe({ tasks: [older, ours] }))).toMatchObject({ outcome: 'pending', message: 'Copied 1 MiB' });
  });

  it('without a matching request id, follows the newest import task', () => {
    const older = task({ id: 'old', status: 'failure', message: 'old failure', request_id: 'x', created_at: '2026-12-01T00:00:00' });
    const newer = task({ id: 'new', status: 'processing', request_id: 'y', created_at: '2026-12-02T00:00:00' });
    expect(interpretImportProgress(observe({ tasks: [older, newer], requestId: undefined })).outcome).toBe('pending');
  });
});

describe('storeList', () => {
  it.each([
    ['a,b', ['a', 'b']],
    [' a , b ,', ['a', 'b']],
    ['', []],
    [undefined, []],
  ])('%j → %j', (value, expected) => expect(storeList(value)).toEqual(expected));
});

describe('importBody', () => {
  it.each<[string, Parameters<typeof importBody>[0], Record<string, unknown>]>([
    ['glance-direct', { method: 'glance-direct' }, { method: { name: 'glance-direct' } }],
    ['web-download carries the uri', { method: 'web-download', uri: 'https://x/y.qcow2' }, { method: { name: 'web-download', uri: 'https://x/y.qcow2' } }],
    [
      'stores with the all-must-succeed flag',
      { method: 'copy-image', stores: ['b'], allStoresMustSucceed: false },
      { method: { name: 'copy-image' }, stores: ['b'], all_stores_must_succeed: false },
    ],
    ['the flag without stores is left out (single store: Glance answers 400)', { method: 'glance-direct', allStoresMustSucceed: true, stores: [] }, { method: { name: 'glance-direct' } }],
  ])('%s', (_name, options, expected) => expect(importBody(options)).toEqual(expected));
});
