// A validator for the subset of JSON Schema (draft 4) that Glance's metadefs schemas use:
// type, enum, required, properties, additionalProperties, items, maxLength/minLength,
// minimum/maximum, minItems/maxItems, uniqueItems, pattern, allOf and local $ref
// (#/definitions/…). Annotations (description, format, readOnly, default, name, links) are
// not checked, as Glance's own validator ignores `format` too. A dozen keywords do not need
// a library: this stays small in the lazy chunk, and its messages name the JSON path.

/** A schema node as Glance publishes it: a JSON object, read defensively. */
export type SchemaNode = Readonly<Record<string, unknown>>;

export interface SchemaIssue {
  /** Where, as a JSON path: `properties.hw_foo.type`, `objects[2].name`; '' is the document. */
  path: string;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asNode = (value: unknown): SchemaNode | undefined => (isRecord(value) ? value : undefined);
const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const asNumber = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** `parent.key`, or `parent["odd key"]` when the key would not read as one path segment. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const segment = /^[A-Za-z_$][\w$:-]*$/.test(key) ? key : JSON.stringify(key);
  if (segment !== key) return `${parent}[${segment}]`;
  return parent ? `${parent}.${key}` : key;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

const A_TYPE: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list ([…])',
  object: 'an object ({…})',
  null: 'null',
};

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `#/definitions/name` within the root schema; anything else is unknown. */
function resolveRef(ref: string, root: SchemaNode): SchemaNode | undefined {
  const match = /^#\/definitions\/(.+)$/.exec(ref);
  return match?.[1] ? asNode(asNode(root.definitions)?.[match[1]]) : undefined;
}

/** Checks `value` against `schema`; issues are appended in document order. */
export function validateAgainst(value: unknown, schema: SchemaNode, root: SchemaNode, path: string, issues: SchemaIssue[]): void {
  const report = (where: string, message: string) => issues.push({ path: where, message });

  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, root);
    if (target) validateAgainst(value, target, root, path, issues);
    else report(path, `cannot be checked: the schema refers to ${schema.$ref}, which it does not define`);
    return;
  }
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const node = asNode(part);
    if (node) validateAgainst(value, node, root, path, issues);
  }

  const types = typeof schema.type === 'string' ? [schema.type] : asStrings(schema.type);
  if (types.length > 0 && !types.some((type) => hasType(value, type))) {
    report(path, `must be ${types.map((type) => A_TYPE[type] ?? type).join(' or ')}, not ${A_TYPE[typeOf(value)] ?? typeOf(value)}`);
    return; // the other keywords would only repeat the same mistake
  }

  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => sameJson(allowed, value))) {
    report(path, `must be one of ${schema.enum.map(show).join(', ')} (it is ${show(value)})`);
  }

  if (typeof value === 'string') checkString(value, schema, path, report);
  else if (typeof value === 'number') checkNumber(value, schema, path, report);
  else if (Array.isArray(value)) checkArray(value, schema, root, path, issues);
  else if (isRecord(value)) checkObject(value, schema, root, path, issues);
}

type Report = (path: string, message: string) => void;

function checkString(value: string, schema: SchemaNode, path: string, report: Report) {
  const length = [...value].length;
  const max = asNumber(schema.maxLength);
  const min = asNumber(schema.minLength);
  if (max !== undefined && length > max) report(path, `must be at most ${max} characters (it has ${length})`);
  if (min !== undefined && length < min) report(path, `must be at least ${min} characters`);
  if (typeof schema.pattern === 'string') {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(schema.pattern, 'u');
    } catch {
      pattern = undefined; // a Python-only pattern: Glance checks it, we cannot
    }
    if (pattern && !pattern.test(value)) report(path, `must match the pattern ${schema.pattern}`);
  }
}

function checkNumber(value: number, schema: SchemaNode, path: string, report: Report) {
  const min = asNumber(schema.minimum);
  const max = asNumber(schema.maximum);
  if (min !== undefined && value < min) report(path, `must be at least ${min}`);
  if (max !== undefined && value > max) report(path, `must be at most ${max}`);
}

function checkArray(value: readonly unknown[], schema: SchemaNode, root: SchemaNode, path: string, issues: SchemaIssue[]) {
  const min = asNumber(schema.minItems);
  const max = asNumber(schema.maxItems);
  if (min !== undefined && value.length < min) issues.push({ path, message: `must have at least ${min} item${min === 1 ? '' : 's'}` });
  if (max !== undefined && value.length > max) issues.push({ path, message: `must have at most ${max} items` });
  if (schema.uniqueItems === true) {
    const seen = new Set<string>();
    for (const item of value) {
      const key = JSON.stringify(item);
      if (seen.has(key)) issues.push({ path, message: `must not repeat ${show(item)}` });
      seen.add(key);
    }
  }
  const items = asNode(schema.items);
  if (items) value.forEach((item, index) => validateAgainst(item, items, root, childPath(path, index), issues));
}

function checkObject(value: Readonly<Record<string, unknown>>, schema: SchemaNode, root: SchemaNode, path: string, issues: SchemaIssue[]) {
  const properties = asNode(schema.properties) ?? {};
  for (const name of asStrings(schema.required)) {
    if (!(name in value)) issues.push({ path: childPath(path, name), message: 'is required' });
  }
  for (const [key, item] of Object.entries(value)) {
    const known = asNode(properties[key]);
    if (known) {
      validateAgainst(item, known, root, childPath(path, key), issues);
    } else if (schema.additionalProperties === false) {
      const allowed = Object.keys(properties);
      issues.push({ path: childPath(path, key), message: `is not a field Glance accepts here${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}` });
    } else {
      const additional = asNode(schema.additionalProperties);
      if (additional) validateAgainst(item, additional, root, childPath(path, key), issues);
    }
  }
}

/** Every issue of `value` against a root schema, as `path: message` lines are built by the caller. */
export function validateJsonSchema(value: unknown, schema: SchemaNode, path = ''): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  validateAgainst(value, schema, schema, path, issues);
  return issues;
}

/** One issue as a line: `properties.hw_foo.type: must be one of …`. */
export const formatIssue = (issue: SchemaIssue) => `${issue.path || '(document)'}: ${issue.message}`;
