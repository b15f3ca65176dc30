// A namespace as a document that re-imports to the same content (POST /v2/metadefs/namespaces
// takes it as is): its own fields, resource-type associations, properties, objects and tags,
// with what Glance sets itself (dates, links, owner) left out. GET /v2/metadefs/namespaces/{ns}
// returns all of it embedded.

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Set by Glance, never sent: the owner is the importing project (or the admin's choice). */
const SERVER_FIELDS = new Set(['created_at', 'updated_at', 'self', 'schema', 'owner']);
const NESTED_SERVER_FIELDS = new Set(['created_at', 'updated_at', 'self', 'schema']);
/** The order of a document's top-level fields, as in Glance's own files. */
const ORDER = ['namespace', 'display_name', 'description', 'visibility', 'protected', 'resource_type_associations', 'properties', 'objects', 'tags'];

function without(value: unknown, fields: ReadonlySet<string>): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key, item]) => !fields.has(key) && item !== null && item !== undefined));
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const nameOf = (value: unknown) => (isRecord(value) && typeof value.name === 'string' ? value.name : '');
const byName = (a: unknown, b: unknown) => nameOf(a).localeCompare(nameOf(b));

/** The export document of a namespace read with GET /v2/metadefs/namespaces/{ns}. */
export function exportNamespace(namespace: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const own = without(namespace, SERVER_FIELDS) as Record<string, unknown>;
  const parts: Record<string, unknown> = { ...own };
  if ('resource_type_associations' in own) parts.resource_type_associations = list(own.resource_type_associations).map((item) => without(item, NESTED_SERVER_FIELDS)).sort(byName);
  if ('objects' in own) parts.objects = list(own.objects).map((item) => without(item, NESTED_SERVER_FIELDS)).sort(byName);
  // Glance keeps tags as a set: sorted, two exports of one namespace read the same.
  if ('tags' in own) parts.tags = list(own.tags).map((item) => without(item, NESTED_SERVER_FIELDS)).sort(byName);
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (key in parts) ordered[key] = parts[key];
  for (const [key, item] of Object.entries(parts)) if (!(key in ordered)) ordered[key] = item;
  return ordered;
}

/** The export as a file's text (two-space JSON, a final newline). */
export const exportText = (namespace: Readonly<Record<string, unknown>>) => `${JSON.stringify(exportNamespace(namespace), null, 2)}\n`;

/** A file name for the download: the namespace with characters file systems dislike replaced. */
export const exportFileName = (name: string) => `${name.replace(/[^\w.-]+/g, '_') || 'namespace'}.json`;
