import { describe, expect, it } from 'vitest';
import { createFormSchema, createRequestBody, defaultCreateValues, itemForFile, urlProblem, type CreateFormValues, type CreateItem } from '@/features/images/api/image-create-form-model';
import { remainingQuota, usageSchema, type Remaining } from '@/features/images/api/image-usage';

const MIB = 1024 * 1024;
const NO_QUOTA: Remaining = { bytes: null, images: null, stagedBytes: null };
const suggestion = { disk_format: 'qcow2', container_format: 'bare', reason: 'qcow2 header' };

function problems(values: CreateFormValues, remaining = NO_QUOTA): Record<string, string> {
  const result = createFormSchema({ rules: new Map(), nameMax: 255, remaining }).safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}
/** The first item of a form (there always is one). */
function first(values: CreateFormValues): CreateItem {
  const [item] = values.items;
  if (!item) throw new Error('no item');
  return item;
}
const withFiles = (...sizes: number[]) => defaultCreateValues(sizes.map((size, i) => itemForFile({ name: `disk${i}.qcow2`, size }, suggestion)));

describe('createFormSchema: what Glance would refuse is caught before sending', () => {
  it('accepts a file with formats, and an image without data and without formats', () => {
    expect(problems(withFiles(10 * MIB))).toEqual({});
    expect(problems(defaultCreateValues())).toEqual({});
  });

  it('wants both formats as soon as data comes with the image', () => {
    const values = withFiles(MIB);
    values.items[0] = { ...first(values), disk_format: '', container_format: '' };
    expect(problems(values)).toEqual({
      'items.0.disk_format': expect.stringContaining('409 on import'),
      'items.0.container_format': expect.stringContaining('409 on import'),
    });
    expect(problems({ ...defaultCreateValues(), source: 'url', url: 'https://example.com/a.img' })).toHaveProperty(['items.0.disk_format']);
  });

  it('takes only http(s) URLs for web-download', () => {
    const values = { ...withFiles(MIB), source: 'url' as const, items: [{ ...first(withFiles(MIB)), size: null, fileName: null }] };
    expect(problems({ ...values, url: 'https://mirror.example/disk.qcow2' })).toEqual({});
    expect(problems({ ...values, url: 'ftp://mirror.example/disk.qcow2' }).url).toBe('Glance downloads only http:// and https:// URLs, not ftp://.');
    expect(problems({ ...values, url: 'file:///etc/passwd' }).url).toMatch(/not file:/);
    expect(problems({ ...values, url: 'mirror.example/disk' }).url).toMatch(/not a URL/);
    expect(problems({ ...values, url: '  ' }).url).toMatch(/Enter the URL/);
  });

  it('refuses a name over 255 characters', () => {
    const values = withFiles(MIB);
    first(values).name = 'x'.repeat(256);
    expect(problems(values)['items.0.name']).toMatch(/At most 255/);
    first(values).name = 'x'.repeat(255);
    expect(problems(values)).toEqual({});
  });

  it('checks each file, and the files together, against the remaining quota', () => {
    const remaining = { bytes: 100 * MIB, images: null, stagedBytes: 20 * MIB };
    expect(problems(withFiles(60 * MIB, 30 * MIB), remaining)).toEqual({});
    expect(problems(withFiles(120 * MIB), remaining)).toEqual({ 'items.0.size': expect.stringMatching(/larger than the project's remaining image quota \(100 MiB\)/) });
    expect(problems(withFiles(60 * MIB, 50 * MIB), remaining)).toEqual({ 'items.1.size': expect.stringMatching(/With the files above it/) });
    // glance-direct stages the data first: the staging quota counts too.
    expect(problems({ ...withFiles(30 * MIB), method: 'glance-direct' }, remaining)).toEqual({ 'items.0.size': expect.stringMatching(/staging quota/) });
  });

  it('checks the number of images against the image count quota', () => {
    expect(problems(withFiles(1, 2, 3), { ...NO_QUOTA, images: 2 })).toEqual({ 'items.2.name': expect.stringMatching(/2 more images/) });
  });

  it('checks properties and tags like the edit form', () => {
    const values = { ...withFiles(MIB), properties: [{ key: 'os_glance_x', value: '1' }, { key: 'a', value: '' }, { key: 'a', value: '' }], tags: [{ value: 't' }, { value: 't' }] };
    expect(problems(values)).toEqual({
      'properties.0.key': expect.stringMatching(/set by Glance/),
      'properties.2.key': expect.stringMatching(/already used/),
      'tags.1.value': 'Duplicate tag.',
    });
  });
});

describe('urlProblem', () => {
  it('accepts http and https only', () => {
    expect(urlProblem('http://127.0.0.1:8000/x.raw')).toBeUndefined();
    expect(urlProblem('data:text/plain,x')).toMatch(/not data:/);
  });
});

describe('itemForFile and createRequestBody', () => {
  it('names the image after the file without its image extension', () => {
    expect(itemForFile({ name: 'ubuntu-24.04.img', size: 5 }, suggestion).name).toBe('ubuntu-24.04');
    expect(itemForFile({ name: 'disk.vmdk.gz', size: 5 }, suggestion).name).toBe('disk');
    expect(itemForFile({ name: 'notes.v2.txt', size: 5 }, suggestion).name).toBe('notes.v2.txt');
    expect(itemForFile({ name: '.iso', size: 5 }, suggestion).name).toBe('.iso');
    expect(itemForFile({ name: `${'n'.repeat(300)}.iso`, size: 5 }, suggestion, 255).name).toHaveLength(255);
  });

  it('sends what the form holds, and leaves unset fields out', () => {
    const values = { ...withFiles(MIB), protected: true, min_disk: 2, tags: [{ value: ' web ' }], properties: [{ key: ' os_distro ', value: 'debian' }] };
    expect(createRequestBody(values, first(values))).toEqual({
      name: 'disk0',
      disk_format: 'qcow2',
      container_format: 'bare',
      visibility: 'shared',
      min_disk: 2,
      min_ram: 0,
      protected: true,
      tags: ['web'],
      os_distro: 'debian',
    });
    const bare = defaultCreateValues();
    expect(createRequestBody(bare, first(bare))).toEqual({ visibility: 'shared', min_disk: 0, min_ram: 0, protected: false, tags: [] });
  });
});

describe('remainingQuota', () => {
  it('reads MiB limits as bytes, and no limit as null', () => {
    const usage = usageSchema.parse({
      usage: {
        image_size_total: { limit: 1000, usage: 250 },
        image_count_total: { limit: 10, usage: 12 },
        image_stage_total: { limit: -1, usage: 0 },
        image_count_uploading: { limit: 5, usage: 0 },
      },
    });
    expect(remainingQuota(usage)).toEqual({ bytes: 750 * MIB, images: 0, stagedBytes: null });
    expect(remainingQuota(usageSchema.parse({ usage: {} }))).toEqual(NO_QUOTA);
    expect(remainingQuota(null)).toEqual(NO_QUOTA);
  });

  it('refuses a usage answer of the wrong shape', () => {
    expect(usageSchema.safeParse({ usage: { image_size_total: { limit: '1000' } } }).success).toBe(false);
  });
});
