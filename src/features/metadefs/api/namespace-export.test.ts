import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFileName, exportNamespace, exportText } from '@/features/metadefs/api/namespace-export';
import { prepareImport, type MetadefSchemas } from '@/features/metadefs/api/namespace-import';
import { capturedMetadefSchemas } from '@/test/glance-metadef-schemas';

const schemas: MetadefSchemas = capturedMetadefSchemas;

// The shape of GET /v2/metadefs/namespaces/{ns} (checked live): server fields at every level.
const read = {
  namespace: 'loupe-export',
  display_name: 'Export',
  description: 'd',
  visibility: 'private',
  protected: false,
  owner: '06cb3a673d8749958248827429e1c696',
  created_at: '2026-12-02T17:19:48Z',
  updated_at: '2026-12-02T17:19:48Z',
  resource_type_associations: [{ name: 'OS::Nova::Flavor', prefix: 'f:', properties_target: 'x', created_at: '2026-12-02T17:19:48Z', updated_at: '2026-12-02T17:19:48Z' }],
  properties: { p: { type: 'string', title: 'P', enum: ['a', 'b'], default: 'a' } },
  objects: [
    {
      name: 'o',
      required: [],
      description: 'd',
      properties: { q: { type: 'integer', title: 'Q', minimum: 0 } },
      created_at: '2026-12-02T17:19:48Z',
      updated_at: '2026-12-02T17:19:48Z',
      self: '/v2/metadefs/namespaces/loupe-export/objects/o',
      schema: '/v2/schemas/metadefs/object',
    },
  ],
  tags: [{ name: 'b' }, { name: 'a' }],
  self: '/v2/metadefs/namespaces/loupe-export',
  schema: '/v2/schemas/metadefs/namespace',
};

describe('exportNamespace', () => {
  it('keeps the content and leaves out what Glance sets', () => {
    expect(exportNamespace(read)).toEqual({
      namespace: 'loupe-export',
      display_name: 'Export',
      description: 'd',
      visibility: 'private',
      protected: false,
      resource_type_associations: [{ name: 'OS::Nova::Flavor', prefix: 'f:', properties_target: 'x' }],
      properties: { p: { type: 'string', title: 'P', enum: ['a', 'b'], default: 'a' } },
      objects: [{ name: 'o', required: [], description: 'd', properties: { q: { type: 'integer', title: 'Q', minimum: 0 } } }],
      tags: [{ name: 'a' }, { name: 'b' }],
    });
  });

  it('round trip: the export passes the import checks unchanged, and re-exports to itself', () => {
    const exported = exportNamespace(read);
    const prepared = prepareImport(exported, schemas);
    expect(prepared.issues).toEqual([]);
    expect(prepared.removed).toEqual([]);
    expect(prepared.document).toEqual(exported);
    expect(exportNamespace(prepared.document)).toEqual(exported);
  });

  it("round trip of one of Glance's own files as Glance returns it", () => {
    const file = JSON.parse(readFileSync('/usr/share/glance-common/metadefs/compute-libvirt-image.json', 'utf8')) as Record<string, unknown>;
    const asRead = { ...file, owner: 'admin', created_at: 'x', updated_at: 'y', self: 's', schema: 'z' };
    const prepared = prepareImport(exportNamespace(asRead), schemas, 'loupe-copy');
    expect(prepared.issues).toEqual([]);
    expect(prepared.document.properties).toEqual(file.properties);
    expect(prepared.document.namespace).toBe('loupe-copy');
  });

  it('leaves out null fields and keeps a namespace without contents minimal', () => {
    expect(exportNamespace({ namespace: 'n', display_name: null, visibility: 'public', protected: true, owner: 'x' })).toEqual({ namespace: 'n', visibility: 'public', protected: true });
  });

  it('writes a file', () => {
    expect(exportText({ namespace: 'n' })).toBe('{\n  "namespace": "n"\n}\n');
    expect(exportFileName('OS::Compute::Libvirt')).toBe('OS_Compute_Libvirt.json');
  });
});
