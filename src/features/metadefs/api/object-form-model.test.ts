import { describe, expect, it } from 'vitest';
import type { MetadefObject } from '@/features/metadefs/api/metadef-schema';
import { objectBody, objectFormSchema, objectToForm, objectWrite, withoutProperty, withProperty } from '@/features/metadefs/api/object-form-model';
import { emptyPropertyValues, propertyToForm } from '@/features/metadefs/api/property-form-model';

// An object as Glance returns it (GET .../objects/{name}): with fields Glance sets itself.
const stored: MetadefObject = {
  name: 'disk',
  description: 'Disk settings.',
  required: ['bus'],
  properties: {
    bus: { title: 'Bus', type: 'string', enum: ['virtio', 'scsi'] },
    size: { title: 'Size', type: 'integer', minimum: 1 },
  },
  created_at: '2026-12-02T17:15:55Z',
  updated_at: '2026-12-02T17:15:55Z',
  self: '/v2/metadefs/namespaces/ns/objects/disk',
  schema: '/v2/schemas/metadefs/object',
};

describe('object body builder', () => {
  it('round-trips an object to the fields of its schema only', () => {
    expect(objectBody(objectToForm(stored), stored.properties ?? {})).toEqual({
      name: 'disk',
      description: 'Disk settings.',
      required: ['bus'],
      properties: stored.properties,
    });
  });

  it('keeps required to the object’s own properties, in their order, and drops an empty description', () => {
    const body = objectBody({ name: ' disk ', description: ' ', required: ['size', 'gone', 'bus'] }, stored.properties ?? {});
    expect(body).toEqual({ name: 'disk', required: ['bus', 'size'], properties: stored.properties });
  });

  it('adds a property (without a name inside: the key is the name)', () => {
    const body = withProperty(stored, { ...emptyPropertyValues, name: 'cache', title: 'Cache', type: 'boolean', defaultValue: 'false' }, undefined);
    expect(body.properties).toEqual({ ...stored.properties, cache: { title: 'Cache', type: 'boolean', default: 'false' } });
    expect(body.required).toEqual(['bus']);
  });

  it('edits and renames a property in place, the required list following the rename', () => {
    const values = { ...propertyToForm('bus', stored.properties?.bus ?? {}), name: 'disk_bus', enumText: 'virtio\nscsi\nide' };
    const body = withProperty(stored, values, 'bus');
    expect(Object.keys(body.properties as object)).toEqual(['disk_bus', 'size']);
    expect((body.properties as Record<string, unknown>).disk_bus).toEqual({ title: 'Bus', type: 'string', enum: ['virtio', 'scsi', 'ide'] });
    expect(body.required).toEqual(['disk_bus']);
    expect(body.description).toBe('Disk settings.');
  });

  it('removes a property and its required mark', () => {
    expect(withoutProperty(stored, 'bus')).toEqual({ name: 'disk', description: 'Disk settings.', required: [], properties: { size: stored.properties?.size } });
  });

  it('creates with POST, edits and renames with PUT at the old name', () => {
    expect(objectWrite({ name: 'a' }, undefined)).toEqual({ method: 'POST', name: undefined, body: { name: 'a' } });
    expect(objectWrite({ name: 'b' }, 'a')).toEqual({ method: 'PUT', name: 'a', body: { name: 'b' } });
  });

  it('validates the name like a property’s', () => {
    const schema = objectFormSchema({ taken: ['other'] });
    expect(schema.safeParse({ name: 'other', description: '', required: [] }).error?.issues[0]?.message).toMatch(/already used/);
    expect(schema.safeParse({ name: 'x'.repeat(81), description: '', required: [] }).error?.issues[0]?.message).toMatch(/At most 80/);
    expect(schema.safeParse({ name: 'fine', description: '', required: [] }).success).toBe(true);
  });
});
