import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, validateJsonSchema } from '@/features/metadefs/api/metadef-json-schema';
import { parseJsonText, prepareImport, type MetadefSchemas } from '@/features/metadefs/api/namespace-import';
import { capturedMetadefSchemas } from '@/test/glance-metadef-schemas';

const schemas: MetadefSchemas = capturedMetadefSchemas;
const SHIPPED = '/usr/share/glance-common/metadefs';

function shippedFiles(): string[] {
  if (!existsSync(SHIPPED)) {
    throw new Error(`${SHIPPED} is missing: Glance's metadefs come with the glance-common package. Run \`npm start\` or \`bash scripts/stack.sh up\` once to install it.`);
  }
  return readdirSync(SHIPPED).filter((file) => file.endsWith('.json'));
}

const lines = (value: unknown, name = '') => prepareImport(value, schemas, name).issues.map(formatIssue);

describe("Glance's shipped metadefs files", () => {
  const files = shippedFiles();

  it('are all there (33 in Zed)', () => {
    expect(files.length).toBeGreaterThanOrEqual(33);
  });

  it.each(files)('%s imports cleanly under a new name', (file) => {
    const parsed = parseJsonText(readFileSync(join(SHIPPED, file), 'utf8'));
    if ('error' in parsed) throw new Error(parsed.error);
    const prepared = prepareImport(parsed.value, schemas, `loupe-test-${file}`);
    expect(prepared.issues.map(formatIssue)).toEqual([]);
    expect(prepared.document.namespace).toBe(`loupe-test-${file}`);
    expect(prepared.removed).toEqual([]);
  });
});

describe('broken documents name the field and its JSON path', () => {
  const base = {
    namespace: 'loupe-broken',
    visibility: 'public',
    properties: { hw_foo: { title: 'Foo', type: 'string' } },
    objects: [{ name: 'Obj', properties: { bar: { title: 'Bar', type: 'integer' } } }],
    resource_type_associations: [{ name: 'OS::Glance::Image', prefix: 'hw_' }],
    tags: [{ name: 't1' }],
  };

  it('accepts the unbroken document', () => {
    expect(lines(base)).toEqual([]);
  });

  it.each([
    ['a wrong type', { ...base, protected: 'yes' }, 'protected: must be true or false, not a string'],
    ['a bad property type enum', { ...base, properties: { hw_foo: { title: 'Foo', type: 'text' } } }, 'properties.hw_foo.type: must be one of array, boolean, integer, number, object, string, null (it is text)'],
    ['a property without title', { ...base, properties: { hw_foo: { type: 'string' } } }, 'properties.hw_foo.title: is required'],
    ['a missing namespace', { visibility: 'public' }, 'namespace: is required'],
    ['an unknown top-level field', { ...base, colour: 'red' }, 'colour: is not a field Glance accepts here (allowed: namespace, display_name, description, visibility, protected, owner, created_at, updated_at, schema, self, resource_type_associations, properties, objects, tags)'],
    ['a bad visibility', { ...base, visibility: 'shared' }, 'visibility: must be one of public, private (it is shared)'],
    ['a name too long', { ...base, namespace: 'n'.repeat(81) }, 'namespace: must be at most 80 characters (it has 81)'],
    ['an object without a name', { ...base, objects: [{ description: 'x' }] }, 'objects[0].name: is required'],
    ['an unknown field in an object', { ...base, objects: [{ name: 'o', colour: 1 }] }, 'objects[0].colour: is not a field Glance accepts here (allowed: name, description, required, properties, schema, self, created_at, updated_at)'],
    ['an object property of the wrong type', { ...base, objects: [{ name: 'o', properties: { p: { title: 'P', type: 'string', minimum: 'x' } } }] }, 'objects[0].properties.p.minimum: must be a number, not a string'],
    ['a negative maxLength', { ...base, properties: { p: { title: 'P', type: 'string', maxLength: -1 } } }, 'properties.p.maxLength: must be at least 0'],
    ['a repeated required entry', { ...base, objects: [{ name: 'o', required: ['a', 'a'] }] }, 'objects[0].required: must not repeat a'],
    ['a tag with an unknown field', { ...base, tags: [{ name: 't', colour: 1 }] }, 'tags[0].colour: is not a field Glance accepts here (allowed: name, created_at, updated_at)'],
    ['an association without a name', { ...base, resource_type_associations: [{ prefix: 'x_' }] }, 'resource_type_associations[0].name: is required'],
    ['a property name with a space', { ...base, properties: { 'my prop': { type: 'string' } } }, 'properties["my prop"].title: is required'],
    ['not an object', ['a'], '(document): must be a JSON object ({…}) describing one namespace'],
  ])('%s', (_, document, expected) => {
    expect(lines(document)).toContain(expected);
  });

  it('names every mistake, each once', () => {
    const issues = lines({ ...base, visibility: 'x', properties: { a: { type: 'text', title: 'A' } } });
    expect(issues).toEqual(['visibility: must be one of public, private (it is x)', 'properties.a.type: must be one of array, boolean, integer, number, object, string, null (it is text)']);
  });

  it('an empty name override keeps the document name; a blank namespace is refused', () => {
    expect(prepareImport(base, schemas, '  ').document.namespace).toBe('loupe-broken');
    expect(lines({ ...base, namespace: '' })).toContain('namespace: must not be empty');
  });

  it('leaves out the fields Glance sets itself, and says which', () => {
    const prepared = prepareImport({ ...base, created_at: 'x', self: '/v2/x', objects: [{ name: 'o', schema: 's', updated_at: 'y' }], tags: [{ name: 't', created_at: 'z' }] }, schemas);
    expect(prepared.removed).toEqual(['created_at', 'self', 'objects[0].schema', 'objects[0].updated_at', 'tags[0].created_at']);
    expect(prepared.issues).toEqual([]);
    expect(prepared.document).not.toHaveProperty('created_at');
    expect(prepared.counts).toEqual({ properties: 1, objects: 1, tags: 1, resourceTypes: 1 });
  });
});

describe('parseJsonText', () => {
  it('says what is wrong with text that is not JSON', () => {
    expect(parseJsonText('{"namespace": ')).toMatchObject({ error: expect.stringMatching(/^This is not valid JSON: /) as unknown });
    expect(parseJsonText('  ')).toEqual({ error: 'Paste a namespace document or choose a JSON file.' });
  });
});

describe('the JSON-schema subset', () => {
  it('follows $ref and allOf to definitions', () => {
    const schema = { definitions: { positive: { type: 'integer', minimum: 0 }, withDefault: { allOf: [{ $ref: '#/definitions/positive' }, { default: 0 }] } }, properties: { n: { $ref: '#/definitions/withDefault' } } };
    expect(validateJsonSchema({ n: -1 }, schema).map(formatIssue)).toEqual(['n: must be at least 0']);
    expect(validateJsonSchema({ n: 1.5 }, schema).map(formatIssue)).toEqual(['n: must be a whole number, not a number']);
    expect(validateJsonSchema({ n: 3 }, schema)).toEqual([]);
  });

  it('checks patterns and item counts, and reports a missing definition', () => {
    const schema = { properties: { id: { type: 'string', pattern: '^[a-f]+$' }, list: { type: 'array', minItems: 1 }, x: { $ref: '#/definitions/nope' } } };
    expect(validateJsonSchema({ id: 'xyz', list: [], x: 1 }, schema).map(formatIssue)).toEqual([
      'id: must match the pattern ^[a-f]+$',
      'list: must have at least 1 item',
      'x: cannot be checked: the schema refers to #/definitions/nope, which it does not define',
    ]);
  });
});
