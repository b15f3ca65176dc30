import { childPath, validateAgainst, validateJsonSchema, type SchemaIssue, type SchemaNode } from '@/features/metadefs/api/metadef-json-schema';

// Importing a namespace document (a file of Glance's metadefs, or an export): the checks Glance
// makes on POST /v2/metadefs/namespaces, done first so every mistake is named with its path.
// Glance validates the body against the namespace schema only; an unknown field inside an
// embedded object, tag, property or association passes that and then fails with a 500, so the
// embedded parts are also checked against their own schemas (additionalProperties: false).

/** Glance's published schemas: GET /v2/schemas/metadefs/{namespace,object,property,tag,resource_type}. */
export interface MetadefSchemas {
  namespace: SchemaNode;
  object: SchemaNode;
  property: SchemaNode;
  tag: SchemaNode;
  resourceType: SchemaNode;
}

export interface ImportCounts {
  properties: number;
  objects: number;
  tags: number;
  resourceTypes: number;
}

export interface PreparedImport {
  /** The body to POST (read-only fields removed, the name override applied). */
  document: Record<string, unknown>;
  issues: SchemaIssue[];
  /** Read-only fields Glance sets itself (created_at, self…): left out, with their paths. */
  removed: string[];
  counts: ImportCounts;
}

export type ParsedText = { value: unknown } | { error: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The text of a file or a paste as JSON, or what is wrong with it. */
export function parseJsonText(text: string): ParsedText {
  if (!text.trim()) return { error: 'Paste a namespace document or choose a JSON file.' };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (cause) {
    return { error: `This is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
}

/** Fields a schema marks readOnly (Glance answers 403 "Attribute 'x' is read-only" when they are sent). */
function readOnlyFields(schema: SchemaNode): Set<string> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  return new Set(Object.entries(properties).flatMap(([key, node]) => (isRecord(node) && node.readOnly === true ? [key] : [])));
}

function withoutReadOnly(value: unknown, schema: SchemaNode, path: string, removed: string[]): unknown {
  if (!isRecord(value)) return value;
  const readOnly = readOnlyFields(schema);
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (readOnly.has(key)) removed.push(path ? `${path}.${key}` : key);
    else kept[key] = item;
  }
  return kept;
}

/** An embedded property is named by its key: the property schema's `name` is not required there. */
function embeddedPropertySchema(property: SchemaNode): SchemaNode {
  const required = Array.isArray(property.required) ? property.required.filter((name) => name !== 'name') : [];
  return { ...property, required };
}

function checkProperties(properties: unknown, path: string, schema: SchemaNode, issues: SchemaIssue[]) {
  if (!isRecord(properties)) return;
  for (const [name, property] of Object.entries(properties)) validateAgainst(property, schema, schema, childPath(path, name), issues);
}

function dedupe(issues: readonly SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\n${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Turns a parsed document into the body to send, with every issue found. `name` (when not
 * blank) replaces the document's own `namespace`, to import a file under a new name.
 */
export function prepareImport(value: unknown, schemas: MetadefSchemas, name = ''): PreparedImport {
  const empty: ImportCounts = { properties: 0, objects: 0, tags: 0, resourceTypes: 0 };
  if (!isRecord(value)) {
    return { document: {}, issues: [{ path: '', message: 'must be a JSON object ({…}) describing one namespace' }], removed: [], counts: empty };
  }
  const removed: string[] = [];
  const document = withoutReadOnly(value, schemas.namespace, '', removed) as Record<string, unknown>;
  if (name.trim()) document.namespace = name.trim();
  if (Array.isArray(document.objects)) document.objects = document.objects.map((object, index) => withoutReadOnly(object, schemas.object, `objects[${index}]`, removed));
  if (Array.isArray(document.tags)) document.tags = document.tags.map((tag, index) => withoutReadOnly(tag, schemas.tag, `tags[${index}]`, removed));
  if (Array.isArray(document.resource_type_associations)) {
    document.resource_type_associations = document.resource_type_associations.map((association, index) =>
      withoutReadOnly(association, schemas.resourceType, `resource_type_associations[${index}]`, removed),
    );
  }

  const issues = validateJsonSchema(document, schemas.namespace);
  if (typeof document.namespace === 'string' && !document.namespace.trim()) issues.push({ path: 'namespace', message: 'must not be empty' });
  const property = embeddedPropertySchema(schemas.property);
  checkProperties(document.properties, 'properties', property, issues);
  records(document.objects).forEach((object, index) => {
    validateAgainst(object, schemas.object, schemas.object, `objects[${index}]`, issues);
    if (isRecord(object)) checkProperties(object.properties, `objects[${index}].properties`, property, issues);
  });
  records(document.tags).forEach((tag, index) => validateAgainst(tag, schemas.tag, schemas.tag, `tags[${index}]`, issues));
  records(document.resource_type_associations).forEach((association, index) =>
    validateAgainst(association, schemas.resourceType, schemas.resourceType, `resource_type_associations[${index}]`, issues),
  );

  return {
    document,
    issues: dedupe(issues),
    removed,
    counts: {
      properties: isRecord(document.properties) ? Object.keys(document.properties).length : 0,
      objects: records(document.objects).length,
      tags: records(document.tags).length,
      resourceTypes: records(document.resource_type_associations).length,
    },
  };
}
