import { describe, expect, it } from 'vitest';
import {
  emptyPropertyValues,
  formToProperty,
  nameProblem,
  prefixWarning,
  propertyFormSchema,
  propertyIssues,
  propertyToForm,
  propertyWrite,
  type PropertyFormValues,
} from '@/features/metadefs/api/property-form-model';

const values = (patch: Partial<PropertyFormValues>): PropertyFormValues => ({ ...emptyPropertyValues, name: 'p', title: 'P', ...patch });
const messages = (patch: Partial<PropertyFormValues>, taken: string[] = []) =>
  Object.fromEntries(propertyIssues(values(patch), { taken }).map((issue) => [issue.path, issue.message]));

describe('property form model: Glance JSON ↔ form, both ways', () => {
  // Every type, as Glance stores it (shapes from the shipped metadefs), survives a round trip.
  const stored: [string, Record<string, unknown>][] = [
    ['string', { title: 'Bus', type: 'string', description: 'Disk bus.', enum: ['virtio', 'scsi'], default: 'virtio', operators: ['<or>'] }],
    ['string limits', { title: 'Serial', type: 'string', minLength: 2, maxLength: 10, pattern: '^[a-z]+$', default: 'abc' }],
    ['integer', { title: 'Cores', type: 'integer', minimum: -1, maximum: 64, default: '4', readonly: true }],
    ['integer enum', { title: 'Port', type: 'integer', enum: ['80', '443'], default: '443' }],
    ['number', { title: 'Ratio', type: 'number', minimum: 0, maximum: 3, default: '1.5', enum: ['1.5', '2'] }],
    ['boolean', { title: 'Secure boot', type: 'boolean', default: 'false' }],
    ['array', { title: 'Flags', type: 'array', items: { type: 'string', enum: ['a', 'b'] }, operators: ['<or>', '<all-in>'] }],
    ['array of integers', { title: 'Sizes', type: 'array', items: { type: 'integer', enum: ['1', '2'] } }],
    ['object', { title: 'Blob', type: 'object', description: 'Free-form.' }],
  ];
  it.each(stored)('%s: form values rebuild the same property', (_label, property) => {
    const form = propertyToForm('key', property);
    expect(form.name).toBe('key');
    expect(formToProperty(form, property)).toEqual({ name: 'key', ...property });
  });

  it('reads values into text fields, one enum value a line (typed values from an import too)', () => {
    const form = propertyToForm('port', { title: 'Port', type: 'integer', enum: [80, 443], default: 443, minimum: 1 });
    expect(form).toMatchObject({ type: 'integer', enumText: '80\n443', defaultValue: '443', minimum: '1', maximum: '' });
    expect(propertyToForm('b', { title: 'B', type: 'boolean', default: true }).defaultValue).toBe('true');
    expect(propertyToForm('b', { title: 'B', type: 'boolean', default: 'False' }).defaultValue).toBe('false');
  });

  it('sends enum and default as text, as Glance stores them, and limits as numbers', () => {
    expect(formToProperty(values({ type: 'integer', enumText: '01\n2', defaultValue: ' 2 ', minimum: '0', maximum: '5' }))).toEqual({
      name: 'p',
      title: 'P',
      type: 'integer',
      enum: ['1', '2'],
      default: '2',
      minimum: 0,
      maximum: 5,
    });
    // Not Python's "True", which Glance would make of a JSON true.
    expect(formToProperty(values({ type: 'boolean', defaultValue: 'true' }))).toEqual({ name: 'p', title: 'P', type: 'boolean', default: 'true' });
    expect(formToProperty(values({ type: 'string', defaultValue: ' padded ' })).default).toBe(' padded ');
    expect(formToProperty(values({ type: 'array', itemsType: 'integer', itemsEnumText: '1\n2' })).items).toEqual({ type: 'integer', enum: ['1', '2'] });
  });

  it('sends only the fields of the chosen type', () => {
    const property = { title: 'S', type: 'string', minLength: 1, maxLength: 4, pattern: 'x', enum: ['1', '2'] };
    const asInteger = { ...propertyToForm('s', property), type: 'integer' as const };
    expect(formToProperty(asInteger, property)).toEqual({ name: 's', title: 'S', type: 'integer', enum: ['1', '2'] });
    const asBoolean = { ...propertyToForm('s', property), type: 'boolean' as const };
    expect(formToProperty(asBoolean, property)).toEqual({ name: 's', title: 'S', type: 'boolean' });
  });

  it('keeps what the editor does not show (minItems, uniqueItems, item keys)', () => {
    const property = { title: 'A', type: 'array', items: { type: 'string', enum: ['a'], extra: 1 }, minItems: 1, uniqueItems: true };
    expect(formToProperty({ ...propertyToForm('a', property), itemsEnumText: 'a\nb' }, property)).toEqual({
      name: 'a',
      title: 'A',
      type: 'array',
      items: { type: 'string', enum: ['a', 'b'], extra: 1 },
      minItems: 1,
      uniqueItems: true,
    });
  });

  it('drops the array-only keys it kept when the property stops being an array', () => {
    const property = { title: 'A', type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true };
    expect(formToProperty({ ...propertyToForm('a', property), type: 'string' }, property)).toEqual({ name: 'a', title: 'A', type: 'string' });
  });

  it('trims name, title and description, and drops an empty description', () => {
    expect(formToProperty(values({ name: ' p ', title: ' P ', description: '  ' }))).toEqual({ name: 'p', title: 'P', type: 'string' });
  });
});

describe('property writes', () => {
  it('creates with POST, edits and renames with PUT at the old name carrying the new one', () => {
    expect(propertyWrite(values({ name: 'fresh' }), undefined)).toEqual({ method: 'POST', name: undefined, body: { name: 'fresh', title: 'P', type: 'string' } });
    const rename = propertyWrite(values({ name: 'new_name' }), 'old_name', { title: 'P', type: 'string' });
    expect(rename).toEqual({ method: 'PUT', name: 'old_name', body: { name: 'new_name', title: 'P', type: 'string' } });
  });
});

describe('prefixWarning', () => {
  const associations = [{ name: 'OS::Glance::Image', prefix: 'hw_' }, { name: 'OS::Nova::Flavor', prefix: 'hw:' }, { name: 'OS::Cinder::Volume', prefix: null }];
  it('warns when a name already carries a resource type’s prefix', () => {
    expect(prefixWarning('hw_cpu_policy', associations)).toBe(
      'Glance puts "hw_" in front of this name on OS::Glance::Image itself, which would make "hw_hw_cpu_policy". Enter the bare name unless that is what you mean.',
    );
    expect(prefixWarning('hw:cpu', associations)).toMatch(/on OS::Nova::Flavor/);
    expect(prefixWarning('cpu_policy', associations)).toBeUndefined();
    expect(prefixWarning('hw_x', [])).toBeUndefined();
  });
});

describe('property validation', () => {
  it('needs a name within Glance’s 80 characters, without "/", not used by another property', () => {
    expect(nameProblem('')).toBe('Enter a name.');
    expect(nameProblem('a'.repeat(81))).toMatch(/At most 80 characters/);
    expect(nameProblem('a'.repeat(80))).toBeUndefined();
    expect(nameProblem('a/b')).toMatch(/cannot contain "\/"/);
    expect(nameProblem('taken', { taken: ['taken'] })).toMatch(/already used/);
    expect(nameProblem('a'.repeat(30), { nameMax: 20 })).toMatch(/At most 20/);
    expect(nameProblem('hw:cpu_policy.x-y z?')).toBeUndefined();
  });

  it('needs a title', () => {
    expect(messages({ title: ' ' }).title).toMatch(/Enter a title/);
  });

  it('checks the limits’ types and order', () => {
    expect(messages({ type: 'integer', minimum: 'x' }).minimum).toBe('A whole number (Glance keeps no fractions here).');
    expect(messages({ type: 'number', maximum: '0.5' }).maximum).toBe('A whole number (Glance keeps no fractions here).');
    expect(messages({ type: 'number', minimum: '-3', maximum: '7' })).toEqual({});
    expect(messages({ type: 'integer', minimum: '5', maximum: '1' }).maximum).toBe('Must not be below 5.');
    expect(messages({ type: 'string', minLength: '-1' }).minLength).toBe('A whole number, 0 or more.');
    expect(messages({ type: 'string', maxLength: '1.5' }).maxLength).toBe('A whole number, 0 or more.');
    expect(messages({ type: 'string', minLength: '4', maxLength: '2' }).maxLength).toBe('Must not be below 4.');
    // Hidden fields of another type do not count.
    expect(messages({ type: 'boolean', minimum: 'x', minLength: 'y' })).toEqual({});
  });

  it('checks the pattern is a regular expression', () => {
    expect(messages({ pattern: '[unclosed' }).pattern).toBe('Not a valid regular expression.');
    expect(messages({ pattern: '^[a-z]+$' })).toEqual({});
  });

  it('checks enum values by type, without repeats, inside the limits', () => {
    expect(messages({ type: 'integer', enumText: '1\ntwo' }).enumText).toBe('Only whole numbers here, one a line: "two" is not.');
    expect(messages({ enumText: 'a\na' }).enumText).toBe('"a" is listed twice.');
    expect(messages({ type: 'integer', enumText: '1\n50', maximum: '10' }).enumText).toBe('"50" is above the maximum 10.');
    expect(messages({ type: 'array', itemsType: 'number', itemsEnumText: '1.5\nx' }).itemsEnumText).toMatch(/"x" is not/);
  });

  it('checks the default: typed, among the allowed values, within the limits', () => {
    expect(messages({ type: 'integer', defaultValue: 'abc' }).defaultValue).toBe('The default must be one of the whole numbers.');
    expect(messages({ type: 'boolean', defaultValue: 'yes' }).defaultValue).toBe('The default must be true or false.');
    expect(messages({ enumText: 'a\nb', defaultValue: 'c' }).defaultValue).toBe('The default must be one of the allowed values.');
    expect(messages({ type: 'integer', minimum: '3', defaultValue: '1' }).defaultValue).toBe('The default is below the minimum 3.');
    expect(messages({ maxLength: '2', defaultValue: 'abc' }).defaultValue).toBe('The default is longer than 2 characters.');
    expect(messages({ pattern: '^a', defaultValue: 'b' }).defaultValue).toBe('The default is not matching the pattern.');
    expect(messages({ enumText: 'a\nb', defaultValue: 'b' })).toEqual({});
  });

  it('puts each issue on its field through the zod schema', () => {
    const result = propertyFormSchema({ taken: ['dup'] }).safeParse(values({ name: 'dup', title: '' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['name', 'title']);
  });
});
