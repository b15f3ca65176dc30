import { describe, expect, it } from 'vitest';
import { imageSchema } from '@/features/images/api/image-schema';
import {
  canDeleteFrom,
  copyFormSchema,
  copyInProgress,
  copyOutcome,
  copyTargets,
  explainCopyError,
  explainDeleteError,
  imageStoreRows,
  storeList,
} from '@/features/images/api/image-stores';
import { ApiError } from '@/lib/api-error';
import { apiImage } from '@/test/fixtures';

const image = (fields: Record<string, unknown>) => imageSchema.parse(apiImage(fields));
const CLOUD = [
  { id: 'fast', description: 'Fast file store', default: 'true' },
  { id: 'slow', description: 'Slow file store' },
  { id: 'web', description: 'HTTP', 'read-only': 'true' },
];
const glanceError = (status: number, message: string) => new ApiError({ status, service: 'glance', message });

describe('storeList', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['fast', ['fast']],
    ['fast,slow', ['fast', 'slow']],
    [' fast , slow ,', ['fast', 'slow']],
    [42, []],
  ])('reads %j as %j', (value, expected) => expect(storeList(value)).toEqual(expected));
});

describe('imageStoreRows', () => {
  it('gives each cloud store its state for the image, with default and read-only from Glance string booleans', () => {
    const rows = imageStoreRows(image({ stores: 'fast', os_glance_importing_to_stores: '', os_glance_failed_import: 'web' }), CLOUD);
    expect(rows).toEqual([
      { id: 'fast', description: 'Fast file store', isDefault: true, readOnly: false, configured: true, state: 'has-data' },
      { id: 'slow', description: 'Slow file store', isDefault: false, readOnly: false, configured: true, state: 'none' },
      { id: 'web', description: 'HTTP', isDefault: false, readOnly: true, configured: true, state: 'failed' },
    ]);
  });

  it('marks stores Glance imports to, and those a copy was just asked for, as copying', () => {
    const rows = imageStoreRows(image({ stores: 'fast', os_glance_importing_to_stores: 'slow' }), CLOUD, ['web']);
    expect(rows.map((row) => [row.id, row.state])).toEqual([
      ['fast', 'has-data'],
      ['slow', 'copying'],
      ['web', 'copying'],
    ]);
  });

  it('adds a store the image names that the cloud no longer lists', () => {
    const rows = imageStoreRows(image({ stores: 'fast,old' }), CLOUD);
    expect(rows.at(-1)).toEqual({ id: 'old', description: undefined, isDefault: false, readOnly: false, configured: false, state: 'has-data' });
  });
});

describe('copyTargets and canDeleteFrom', () => {
  it('offers only configured, writable stores without the data (a failed one again)', () => {
    const rows = imageStoreRows(image({ stores: 'fast', os_glance_failed_import: 'slow' }), [...CLOUD, { id: 'spare' }]);
    expect(copyTargets(rows).map((row) => row.id)).toEqual(['slow', 'spare']);
  });

  it('allows deleting a store’s data only while another store holds it too', () => {
    const one = imageStoreRows(image({ stores: 'fast' }), CLOUD);
    expect(canDeleteFrom(one, 'fast')).toBe(false);
    const two = imageStoreRows(image({ stores: 'fast,slow' }), CLOUD);
    expect(canDeleteFrom(two, 'fast')).toBe(true);
    expect(canDeleteFrom(two, 'slow')).toBe(true);
    expect(canDeleteFrom(two, 'web')).toBe(false);
  });
});

describe('copyOutcome', () => {
  it('sorts the requested stores into copied, failed and pending', () => {
    const current = image({ stores: 'fast,slow', os_glance_importing_to_stores: 'a', os_glance_failed_import: 'b' });
    expect(copyOutcome(current, ['slow', 'a', 'b', 'c'])).toEqual({ copied: ['slow'], failed: ['b'], pending: ['a', 'c'] });
  });

  it('does not count a failure left from an earlier copy until Glance starts this one', () => {
    const current = image({ stores: 'fast', os_glance_importing_to_stores: '', os_glance_failed_import: 'slow' });
    expect(copyOutcome(current, ['slow'], ['slow'])).toEqual({ copied: [], failed: [], pending: ['slow'] });
    expect(copyOutcome(current, ['slow'])).toEqual({ copied: [], failed: ['slow'], pending: [] });
  });

  it('keeps a store Glance lists as importing pending even if it also failed before', () => {
    const current = image({ stores: 'fast', os_glance_importing_to_stores: 'slow', os_glance_failed_import: 'slow' });
    expect(copyOutcome(current, ['slow']).pending).toEqual(['slow']);
  });
});

describe('copyInProgress', () => {
  it.each([
    [{}, false],
    [{ os_glance_importing_to_stores: '' }, false],
    [{ os_glance_importing_to_stores: 'slow' }, true],
    [{ os_glance_import_task: 'task-1' }, true],
    [{ os_glance_import_task: '' }, false],
  ])('%j → %s', (fields, expected) => expect(copyInProgress(image(fields))).toBe(expected));
});

describe('copyFormSchema', () => {
  const schema = copyFormSchema(['slow', 'spare']);
  it('needs at least one store, and only stores the image can still go to', () => {
    expect(schema.safeParse({ stores: [] }).error?.issues[0]?.message).toBe('Choose at least one store to copy the image to.');
    expect(schema.safeParse({ stores: ['fast'] }).error?.issues[0]?.message).toMatch(/already in that store/);
    expect(schema.safeParse({ stores: ['slow', 'spare'] }).success).toBe(true);
  });
});

describe('explainCopyError', () => {
  it.each([
    [glanceError(403, 'You are not authorized to complete copy_image action.'), /^Only administrators can copy.*Glance said: “You are not authorized/],
    [glanceError(409, 'Image 1 could not be found after upload. prior operation is still in progress'), /^Another import or copy of this image is still running/],
    [glanceError(400, "Image is already present at store 'slow'"), /^The image is already in slow\. Reload/],
    [glanceError(409, 'Store for identifier nope not found'), /^Glance does not know a store you chose \(slow\)/],
    [glanceError(409, 'Only images with status active can be targeted for copying'), /^Glance copies only active images.*status active/],
    [new ApiError({ status: 0, service: 'glance', kind: 'network', message: 'Network error' }), /^Copying to slow failed\. Cannot reach Glance/],
  ])('explains %s', (error, expected) => expect(explainCopyError(error, ['slow'])).toMatch(expected));
});

describe('explainDeleteError', () => {
  it.each([
    [glanceError(403, 'Cannot delete image data from the only store containing it. Consider deleting the image instead.'), /^fast holds the image's only copy/],
    [glanceError(403, 'You are not authorized to complete delete_image_location action.'), /^Only administrators can delete/],
    [glanceError(404, 'Image not found in store'), /^The image has no data in fast any more/],
    [glanceError(409, 'The selected store fast is not available on this node.'), /^Store fast is not available on this Glance/],
    [glanceError(409, 'Image status is queued'), /^Glance deletes a store's data only while the image is active/],
    [new Error('boom'), /^Deleting the data in fast failed\. Something went wrong: boom/],
  ])('explains %s', (error, expected) => expect(explainDeleteError(error, 'fast')).toMatch(expected));
});
