import { describe, expect, it } from 'vitest';
import {
  attributeInError,
  checkValue,
  combineRules,
  decodeArray,
  encodeArray,
  mainType,
  novaProgress,
  safeRegExp,
  type PropertyRule,
} from '@/features/images/api/image-detail-rules';

const UUID = '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$';

describe('checkValue', () => {
  const cases: [string, PropertyRule | undefined, string, string | undefined][] = [
    ['no rule: any string', undefined, 'anything', undefined],
    ['empty is left alone', { type: 'integer' }, '', undefined],
    ['integer ok', { type: 'integer', minimum: 1, maximum: 65535 }, '8080', undefined],
    ['integer not a number', { type: 'integer' }, '12a', 'A whole number.'],
    ['integer with a fraction', { type: 'integer' }, '1.5', 'A whole number.'],
    ['below minimum', { type: 'integer', minimum: 1 }, '0', 'At least 1.'],
    ['above maximum', { type: 'integer', maximum: 65535 }, '70000', 'At most 65535.'],
    ['boolean', { type: 'boolean' }, 'yes', 'true or false.'],
    ['boolean ok', { type: 'boolean' }, 'false', undefined],
    ['enum', { type: 'string', enum: ['virtio', 'scsi'] }, 'ide', 'One of: virtio, scsi.'],
    ['enum ok', { type: 'string', enum: ['virtio', 'scsi'] }, 'scsi', undefined],
    ['max length', { type: 'string', maxLength: 3 }, 'abcd', 'At most 3 characters.'],
    ['min length', { type: 'string', minLength: 2 }, 'a', 'At least 2 characters.'],
    ['pattern (kernel_id)', { type: 'string', pattern: UUID }, 'nope', `Does not match the required pattern ${UUID}.`],
    ['pattern ok', { type: 'string', pattern: UUID }, '6875fea0-cd5a-4467-918a-8504d72779c4', undefined],
    ['a broken server pattern is skipped', { type: 'string', pattern: '([' }, 'x', undefined],
    ['array of enum ok', { type: 'array', items: { enum: ['a', 'b'] }, operators: ['<or>'] }, '<or> a <or> b', undefined],
    ['array with an unknown value', { type: 'array', items: { enum: ['a', 'b'] } }, 'a,c', 'Not offered here: c.'],
  ];
  it.each(cases)('%s', (_, rule, value, expected) => {
    expect(checkValue(rule, value)).toBe(expected);
  });
});

describe('arrays of enum values', () => {
  it.each<[string[], string[] | null, string]>([
    [['a', 'b'], ['<or>', '<all-in>'], '<or> a <or> b'],
    [['a', 'b'], ['<all-in>'], '<all-in> a b'],
    [['a', 'b'], null, 'a,b'],
    [[], ['<or>'], ''],
  ])('%j with %j ↔ %s', (values, operators, text) => {
    expect(encodeArray(values, operators)).toBe(text);
    expect(decodeArray(text)).toEqual(values);
  });
});

describe('combineRules', () => {
  it('lets the live schema win and the catalogue fill gaps', () => {
    expect(combineRules({ type: 'string', pattern: 'x' }, { type: 'string', pattern: 'y', maxLength: 4 })).toEqual({ type: 'string', pattern: 'x', maxLength: 4 });
    expect(combineRules(undefined, { type: 'integer' })).toEqual({ type: 'integer' });
    expect(combineRules({ type: 'string' }, undefined)).toEqual({ type: 'string' });
  });
  it('reads list types', () => {
    expect(mainType(['null', 'string'])).toBe('string');
    expect(mainType('integer')).toBe('integer');
    expect(mainType(undefined)).toBeUndefined();
  });
});

describe('attributeInError', () => {
  it.each([
    ["Attribute 'status' is read-only.", 'status'],
    ["Attribute 'os_glance_x' is reserved.", 'os_glance_x'],
    ['Attribute disk_format can be only replaced for a queued image.', 'disk_format'],
    ['Property foo does not exist.', 'foo'],
    ['Property name may not be removed.', 'name'],
    ["Provided object does not match schema 'image': 'nope' does not match '^x$'\n\nFailed validating 'pattern' in schema['properties']['kernel_id']:", 'kernel_id'],
    ['You are not authorized to complete modify_image action.', undefined],
  ])('%s → %s', (message, key) => {
    expect(attributeInError(message)).toBe(key);
  });
});

describe('Nova proxy fields', () => {
  it.each([
    ['queued', 25],
    ['saving', 50],
    ['active', 100],
    ['killed', 0],
    ['deactivated', 0],
  ])('%s → %d%%', (status, progress) => {
    expect(novaProgress(status)).toBe(progress);
  });
  it('compiles valid patterns only', () => {
    expect(safeRegExp('^a$')?.test('a')).toBe(true);
    expect(safeRegExp('(')).toBeUndefined();
  });
});
