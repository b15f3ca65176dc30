import { describe, expect, it } from 'vitest';
import {
  editFormSchema,
  fieldOfError,
  fromForm,
  knownProperties,
  parseNewTag,
  reviewChange,
  ruleHint,
  toForm,
  type EditFormValues,
  type KnownProperty,
} from '@/features/images/api/image-edit-form-model';
import { toEditable } from '@/features/images/api/image-save';
import { imageSchema } from '@/features/images/api/image-schema';
import { apiImage } from '@/test/fixtures';
import type { CatalogueNamespace } from '@/features/metadefs';

const image = (fields: Record<string, unknown> = {}) =>
  imageSchema.parse(
    apiImage({
      min_disk: 1,
      min_ram: 64,
      tags: ['b', 'a'],
      os_distro: 'cirros',
      hw_disk_bus: 'virtio',
      os_glance_import_task: 'task-1',
      ...fields,
    }),
  );

describe('toForm', () => {
  it('sorts properties and tags, leaves out Glance’s own keys, and shows no name as an empty field', () => {
    const values = toForm(image({ name: null }));
    expect(values.name).toBe('');
    expect(values.properties).toEqual([
      { key: 'hw_disk_bus', value: 'virtio' },
      { key: 'os_distro', value: 'cirros' },
    ]);
    expect(values.tags).toEqual([{ value: 'a' }, { value: 'b' }]);
    expect([values.disk_format, values.container_format, values.min_disk, values.min_ram]).toEqual(['raw', 'bare', 1, 64]);
  });

  it('turns missing formats and minimums into the empty choice and zero', () => {
    const values = toForm(image({ disk_format: null, container_format: null, min_disk: undefined, min_ram: undefined }));
    expect([values.disk_format, values.container_format, values.min_disk, values.min_ram]).toEqual(['', '', 0, 0]);
  });
});

describe('fromForm', () => {
  // An untouched form describes the image it was loaded from: no change at all.
  it.each([
    ['a named image', image()],
    ['an image without a name', image({ name: null })],
    ['an image whose name is the empty string', image({ name: '' })],
    ['an image without formats', image({ disk_format: null, container_format: null })],
  ])('round-trips %s with no change', (_, loaded) => {
    const editable = toEditable(loaded);
    expect(reviewChange(loaded.id, editable, fromForm(toForm(loaded), editable)).ops).toEqual([]);
  });

  it.each([
    ['a new name', 'cirros-2', 'cirros', 'cirros-2'],
    ['an emptied name clears it (null, as Glance has no name)', '', 'cirros', null],
    ['an emptied name of a nameless image stays null', '', null, null],
    ['an empty-string name stays the empty string', '', '', ''],
  ])('maps %s', (_, typed, loadedName, expected) => {
    const loaded = toEditable(image({ name: loadedName }));
    expect(fromForm({ ...toForm(image({ name: loadedName })), name: typed }, loaded).base.name).toBe(expected);
  });

  it('trims keys and tags, and turns the empty format choice into null', () => {
    const loaded = toEditable(image());
    const values: EditFormValues = { ...toForm(image()), disk_format: '', properties: [{ key: ' k ', value: ' v ' }], tags: [{ value: ' t ' }] };
    const edited = fromForm(values, loaded);
    expect(edited.base.disk_format).toBeNull();
    expect(edited.extras).toEqual({ k: ' v ' });
    expect(edited.tags).toEqual(['t']);
  });
});

describe('editFormSchema', () => {
  const rules = new Map<string, KnownProperty>([
    ['kernel_id', { type: 'string', pattern: '^[0-9a-f-]{36}$' }],
    ['hw_port', { type: 'integer', maximum: 65535 }],
  ]);
  const base = toForm(image());
  const check = (values: Partial<EditFormValues>, loadedExtras: Record<string, string> = {}) => {
    const result = editFormSchema(rules, 10, loadedExtras).safeParse({ ...base, ...values });
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it.each<[string, Partial<EditFormValues>, string[]]>([
    ['valid values', {}, []],
    ['a name over the schema’s maximum', { name: 'x'.repeat(11) }, ['name: At most 10 characters.']],
    ['an empty name (it clears the name)', { name: '' }, []],
    ['a negative minimum disk', { min_disk: -1 }, ['min_disk: Zero or more.']],
    ['a fractional minimum RAM', { min_ram: 1.5 }, ['min_ram: A whole number of MiB.']],
    ['an empty key', { properties: [{ key: ' ', value: 'v' }] }, ['properties.0.key: Enter a key, or remove the row.']],
    ['a reserved key', { properties: [{ key: 'os_glance_x', value: 'v' }] }, ['properties.0.key: "os_glance_x" is set by Glance and cannot be edited here.']],
    ['a base attribute as a key', { properties: [{ key: 'status', value: 'v' }] }, ['properties.0.key: "status" is set by Glance and cannot be edited here.']],
    ['a key over 255 characters', { properties: [{ key: 'k'.repeat(256), value: 'v' }] }, ['properties.0.key: Keys are at most 255 characters.']],
    [
      'a key used twice',
      {
        properties: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
        ],
      },
      ['properties.1.key: This key is already used above.'],
    ],
    ['a value against the schema’s pattern', { properties: [{ key: 'kernel_id', value: 'nope' }] }, ['properties.0.value: Does not match the required pattern ^[0-9a-f-]{36}$.']],
    ['a number over its maximum', { properties: [{ key: 'hw_port', value: '70000' }] }, ['properties.0.value: At most 65535.']],
    ['an empty tag', { tags: [{ value: ' ' }] }, ['tags.0.value: Empty tag.']],
    ['a tag over 255 characters', { tags: [{ value: 't'.repeat(256) }] }, ['tags.0.value: At most 255 characters.']],
    ['a duplicate tag', { tags: [{ value: 'a' }, { value: 'a ' }] }, ['tags.1.value: Duplicate tag.']],
    ['129 properties', { properties: Array.from({ length: 129 }, (_, i) => ({ key: `k${i}`, value: '' })) }, ['properties: Glance allows at most 128 properties on an image.']],
  ])('%s', (_, values, issues) => expect(check(values)).toEqual(issues));

  it('does not hold a value the image already had against its rule', () => {
    expect(check({ properties: [{ key: 'kernel_id', value: 'legacy' }] }, { kernel_id: 'legacy' })).toEqual([]);
  });
});

describe('parseNewTag', () => {
  it.each([
    ['', { problem: undefined }],
    ['   ', { problem: undefined }],
    [' team/infra ', { tag: 'team/infra' }],
    ['t'.repeat(255), { tag: 't'.repeat(255) }],
    ['t'.repeat(256), { problem: 'At most 255 characters.' }],
    // Spaces around a long tag are not part of it.
    [` ${'t'.repeat(255)} `, { tag: 't'.repeat(255) }],
  ])('%j', (draft, expected) => expect(parseNewTag(draft)).toEqual(expected));
});

describe('reviewChange', () => {
  const loaded = toEditable(image({ 'x/y': 'slash' }));
  const edit = (change: (values: EditFormValues) => EditFormValues) => fromForm(change(toForm(image({ 'x/y': 'slash' }))), loaded);

  it.each<[string, (values: EditFormValues) => EditFormValues, string, boolean]>([
    ['a rename', (values) => ({ ...values, name: 'cirros 2' }), "openstack image set --name 'cirros 2' img-1", false],
    ['a cleared name', (values) => ({ ...values, name: '' }), "openstack image set --name '' img-1", true],
    [
      'a removed property and an added tag',
      (values) => ({ ...values, properties: values.properties.filter((row) => row.key !== 'x/y'), tags: [...values.tags, { value: 'new' }] }),
      'openstack image set --tag new img-1\nopenstack image unset --property x/y img-1',
      false,
    ],
    ['a removed tag', (values) => ({ ...values, tags: [{ value: 'a' }] }), 'openstack image unset --tag b img-1', false],
  ])('%s', (_, change, commandLine, clearsName) => {
    const review = reviewChange('img-1', loaded, edit(change));
    expect(review.commandLine).toBe(commandLine);
    expect(review.clearsName).toBe(clearsName);
    expect(review.ops.length).toBeGreaterThan(0);
  });

  it('sends null for a cleared name', () => {
    expect(reviewChange('img-1', loaded, edit((values) => ({ ...values, name: '' }))).ops).toEqual([{ op: 'replace', path: '/name', value: null }]);
  });
});

describe('knownProperties', () => {
  const namespace = (name: string, properties: Partial<CatalogueNamespace['properties'][number]>[]): CatalogueNamespace =>
    ({ namespace: name, title: name, description: '', properties }) as CatalogueNamespace;

  it('takes the first namespace naming a key, and lets the live schema’s rules win over it', () => {
    const known = knownProperties(
      [
        namespace('A', [{ name: 'os_distro', type: 'string', title: 'Distro', enum: ['a'] }]),
        namespace('B', [{ name: 'os_distro', type: 'string', title: 'Other' }]),
      ],
      new Map([
        ['os_distro', { type: 'string', enum: ['debian', 'fedora'] }],
        ['kernel_id', { type: 'string', pattern: 'x' }],
      ]),
    );
    expect(known.get('os_distro')).toMatchObject({ title: 'Distro', enum: ['debian', 'fedora'] });
    expect(known.get('kernel_id')).toEqual({ type: 'string', pattern: 'x' });
  });
});

describe('ruleHint', () => {
  it.each<[KnownProperty, string]>([
    [{ type: 'string' }, 'defined by the image schema'],
    [{ type: 'integer', minimum: 1, maximum: 9, title: 'Port', namespaceTitle: 'MySQL' }, 'Port · MySQL (≥ 1, ≤ 9)'],
    [{ type: 'string', maxLength: 5, pattern: '^a', description: 'Why.' }, 'defined by the image schema (≤ 5 characters, pattern ^a) — Why.'],
  ])('%j', (info, hint) => expect(ruleHint(info)).toBe(hint));
});

describe('fieldOfError', () => {
  const properties = [{ key: 'os_distro' }, { key: ' x/y ' }];
  it.each([
    ['name', 'name'],
    ['disk_format', 'disk_format'],
    ['tags', 'tags'],
    ['os_distro', 'properties.0.value'],
    ['x/y', 'properties.1.value'],
    ['status', undefined],
    ['unknown', undefined],
  ])('%s → %s', (key, field) => expect(fieldOfError(key, properties)).toBe(field));
});
