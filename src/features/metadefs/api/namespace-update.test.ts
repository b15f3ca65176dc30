import { describe, expect, it } from 'vitest';
import type { Namespace } from '@/features/metadefs/api/metadef-schema';
import { namespaceFields, namespacePutBody } from '@/features/metadefs/api/namespace-update';

const loaded: Namespace = {
  namespace: 'OS::Example',
  display_name: 'Example',
  description: 'Things',
  visibility: 'public',
  protected: true,
  owner: 'p1',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
  resource_type_associations: [{ name: 'OS::Glance::Image', prefix: 'ex_' }],
  properties: { ex: { title: 'Ex', type: 'string' } },
};

describe('namespacePutBody', () => {
  it('sends every field of the namespace when nothing changed (a PUT drops what it is not sent)', () => {
    expect(namespacePutBody(loaded)).toEqual({ namespace: 'OS::Example', display_name: 'Example', description: 'Things', visibility: 'public', protected: true, owner: 'p1' });
  });

  it('changes one field and keeps the others', () => {
    expect(namespacePutBody(loaded, { protected: false })).toEqual({ namespace: 'OS::Example', display_name: 'Example', description: 'Things', visibility: 'public', protected: false, owner: 'p1' });
  });

  it('renames through the namespace field', () => {
    expect(namespacePutBody(loaded, { namespace: 'OS::Renamed' })).toMatchObject({ namespace: 'OS::Renamed', display_name: 'Example' });
  });

  it('leaves out a cleared text (Glance stores null) and never sends server fields or contents', () => {
    const body = namespacePutBody(loaded, { description: '' });
    expect(body).not.toHaveProperty('description');
    for (const field of ['created_at', 'updated_at', 'resource_type_associations', 'properties', 'self', 'schema']) expect(body).not.toHaveProperty(field);
  });

  it("fills Glance's defaults for a namespace with unset fields", () => {
    const bare: Namespace = { namespace: 'bare' };
    expect(namespaceFields(bare)).toEqual({ namespace: 'bare', display_name: '', description: '', visibility: 'private', protected: false });
    expect(namespacePutBody(bare)).toEqual({ namespace: 'bare', visibility: 'private', protected: false });
  });
});
