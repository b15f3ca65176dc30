import { describe, expect, it } from 'vitest';
import { defaultKeyView, enumValues, formatValue, keyFor, limits, prefixedAssociations, sortedProperties, typeLabel } from '@/features/metadefs/api/property-rules';

describe('property rules', () => {
  it('lists enum values, or the items’ enum for arrays', () => {
    expect(enumValues({ type: 'string', enum: ['virtio', 'scsi'] })).toEqual(['virtio', 'scsi']);
    expect(enumValues({ type: 'array', items: { type: 'string', enum: ['a', 'b'] } })).toEqual(['a', 'b']);
    expect(enumValues({ type: 'integer', enum: [1, 2, null] })).toEqual(['1', '2', 'null']);
    expect(enumValues({ type: 'string' })).toEqual([]);
  });

  it('formats values: strings as they are, others as JSON', () => {
    expect(formatValue('9160')).toBe('9160');
    expect(formatValue(true)).toBe('true');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });

  it('names array types by their items', () => {
    expect(typeLabel({ type: 'array', items: { type: 'string' } })).toBe('array of string');
    expect(typeLabel({ type: 'integer' })).toBe('integer');
    expect(typeLabel({})).toBe('—');
  });

  it('puts limits in words', () => {
    expect(limits({ minimum: 1000, maximum: 1000000 })).toEqual(['1000 to 1000000']);
    expect(limits({ minimum: 0 })).toEqual(['at least 0']);
    expect(limits({ maxLength: 255, pattern: '^[a-z]+$' })).toEqual(['length at most 255', 'pattern ^[a-z]+$']);
    expect(limits({ minItems: 1, uniqueItems: true })).toEqual(['items at least 1', 'unique items']);
    expect(limits({ type: 'string' })).toEqual([]);
  });

  it('applies a resource type’s prefix to keys', () => {
    expect(keyFor('cpu_policy', 'hw_')).toBe('hw_cpu_policy');
    expect(keyFor('cpu_policy', 'hw:')).toBe('hw:cpu_policy');
    expect(keyFor('cpu_policy', null)).toBe('cpu_policy');
  });

  it('shows image keys by default, else the first prefixed association', () => {
    const associations = [{ name: 'OS::Nova::Flavor', prefix: 'hw:' }, { name: 'OS::Glance::Image', prefix: 'hw_' }, { name: 'OS::Nova::Server' }];
    expect(prefixedAssociations(associations).map((association) => association.name)).toEqual(['OS::Nova::Flavor', 'OS::Glance::Image']);
    expect(defaultKeyView(associations)).toBe('OS::Glance::Image');
    expect(defaultKeyView([{ name: 'OS::Nova::Flavor', prefix: 'hw:' }])).toBe('OS::Nova::Flavor');
    expect(defaultKeyView([{ name: 'OS::Glance::Image' }])).toBe('');
    expect(defaultKeyView(undefined)).toBe('');
  });

  it('sorts properties by name', () => {
    expect(sortedProperties({ b: {}, a: {} }).map(([name]) => name)).toEqual(['a', 'b']);
    expect(sortedProperties(null)).toEqual([]);
  });
});
