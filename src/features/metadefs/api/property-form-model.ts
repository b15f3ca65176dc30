import { z } from 'zod';
import type { Property } from '@/features/metadefs/api/metadef-schema';

// The property editor's model: form values (all text, as inputs hold them) ↔ the JSON Glance
// stores for a property, and the checks Glance makes (and a few it should) before sending.

export const PROPERTY_TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** Glance's schema: `name` (and an object's name) is at most 80 characters. */
export const NAME_MAX = 80;

export interface PropertyFormValues {
  name: string;
  title: string;
  description: string;
  type: PropertyType;
  /** One allowed value a line. */
  enumText: string;
  /** Empty: no default. */
  defaultValue: string;
  minimum: string;
  maximum: string;
  minLength: string;
  maxLength: string;
  pattern: string;
  readonly: boolean;
  /** Space-separated, e.g. `<or> <all-in>`. */
  operators: string;
  itemsType: PropertyType;
  itemsEnumText: string;
}

/** Which fields of the editor mean something for a type (the others are hidden and not sent). */
export function fieldsFor(type: PropertyType) {
  const scalar = type === 'string' || type === 'integer' || type === 'number';
  return {
    enum: scalar,
    default: scalar || type === 'boolean',
    range: type === 'integer' || type === 'number',
    length: type === 'string',
    pattern: type === 'string',
    items: type === 'array',
  };
}

const isPropertyType = (value: unknown): value is PropertyType => (PROPERTY_TYPES as readonly unknown[]).includes(value);

/** A value as the editor shows it: strings as they are, anything else as JSON. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const numberText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const lines = (textValue: string) =>
  textValue
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export const emptyPropertyValues: PropertyFormValues = {
  name: '',
  title: '',
  description: '',
  type: 'string',
  enumText: '',
  defaultValue: '',
  minimum: '',
  maximum: '',
  minLength: '',
  maxLength: '',
  pattern: '',
  readonly: false,
  operators: '',
  itemsType: 'string',
  itemsEnumText: '',
};

/** The editor's values for a stored property (its bare name, as Glance keys it). */
export function propertyToForm(name: string, property: Property): PropertyFormValues {
  const items = property.items ?? undefined;
  return {
    name,
    title: property.title ?? '',
    description: property.description ?? '',
    type: isPropertyType(property.type) ? property.type : 'string',
    enumText: (property.enum ?? []).map(text).join('\n'),
    // A JSON true sent by another client comes back from Glance as Python's "True".
    defaultValue: property.type === 'boolean' ? text(property.default).toLowerCase() : text(property.default),
    minimum: numberText(property.minimum),
    maximum: numberText(property.maximum),
    minLength: numberText(property.minLength),
    maxLength: numberText(property.maxLength),
    pattern: property.pattern ?? '',
    readonly: property.readonly ?? false,
    operators: (property.operators ?? []).join(' '),
    itemsType: isPropertyType(items?.type) ? items.type : 'string',
    itemsEnumText: (items?.enum ?? []).map(text).join('\n'),
  };
}

/** Text typed for a value of `type`, as JSON; undefined when it is not such a value. */
export function parseTyped(type: PropertyType, raw: string): { ok: true; value: unknown } | { ok: false } {
  const value = raw.trim();
  if (type === 'integer') return /^-?\d+$/.test(value) ? { ok: true, value: Number(value) } : { ok: false };
  if (type === 'number') {
    const number = Number(value);
    return value !== '' && Number.isFinite(number) ? { ok: true, value: number } : { ok: false };
  }
  if (type === 'boolean') return value === 'true' || value === 'false' ? { ok: true, value: value === 'true' } : { ok: false };
  if (type === 'string') return { ok: true, value: raw };
  try {
    const parsed: unknown = JSON.parse(value);
    const fits = type === 'array' ? Array.isArray(parsed) : typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    return fits ? { ok: true, value: parsed } : { ok: false };
  } catch {
    return { ok: false };
  }
}

const typedList = (type: PropertyType, textValue: string) => lines(textValue).map((line) => parseTyped(type, line));
const okValues = (parsed: ReturnType<typeof typedList>) => parsed.flatMap((entry) => (entry.ok ? [entry.value] : []));

// Keys of a property the editor owns; anything else Glance stored (minItems, uniqueItems…) is kept
// as it was, the array-only ones only while the property stays an array.
const OWNED = new Set(['name', 'title', 'description', 'type', 'enum', 'default', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'readonly', 'operators', 'items']);
const ARRAY_ONLY = new Set(['minItems', 'maxItems', 'uniqueItems', 'additionalItems']);

/** Allowed values as Glance stores them: text (its model takes enum as strings; a number there is a 500), each in canonical form ("04" → "4"). */
const asText = (type: PropertyType, textValue: string) => okValues(typedList(type, textValue)).map(text);

/**
 * The JSON Glance takes for a property (POST, or PUT to /properties/{old name} to edit or
 * rename). Only the fields that apply to the type are sent; keys the editor does not show are
 * carried over from `original` unchanged. Glance keeps `enum` and `default` as text whatever
 * the type (a default of true comes back as "True"), so both are sent as text.
 */
export function formToProperty(values: PropertyFormValues, original?: Property): Record<string, unknown> {
  const body: Record<string, unknown> = { name: values.name.trim(), title: values.title.trim(), type: values.type };
  if (values.description.trim()) body.description = values.description.trim();
  const fields = fieldsFor(values.type);
  if (fields.enum) {
    const allowed = asText(values.type, values.enumText);
    if (allowed.length) body.enum = allowed;
  }
  if (fields.default && values.defaultValue.trim() !== '') {
    const parsed = parseTyped(values.type, values.type === 'string' ? values.defaultValue : values.defaultValue.trim());
    if (parsed.ok) body.default = text(parsed.value);
  }
  const setNumber = (key: string, raw: string) => {
    if (raw.trim() !== '' && Number.isFinite(Number(raw))) body[key] = Number(raw);
  };
  if (fields.range) {
    setNumber('minimum', values.minimum);
    setNumber('maximum', values.maximum);
  }
  if (fields.length) {
    setNumber('minLength', values.minLength);
    setNumber('maxLength', values.maxLength);
  }
  if (fields.pattern && values.pattern !== '') body.pattern = values.pattern;
  if (values.readonly) body.readonly = true;
  const operators = values.operators.split(/\s+/).filter(Boolean);
  if (operators.length) body.operators = operators;
  if (fields.items) {
    const items: Record<string, unknown> = { ...(original?.items ?? {}), type: values.itemsType };
    delete items.enum;
    const allowed = asText(values.itemsType, values.itemsEnumText);
    if (allowed.length) items.enum = allowed;
    body.items = items;
  }
  for (const [key, value] of Object.entries(original ?? {})) {
    if (OWNED.has(key) || value === undefined || value === null) continue;
    if (ARRAY_ONLY.has(key) && values.type !== 'array') continue;
    body[key] = value;
  }
  return body;
}

/** Where a property write goes: POST for a new one, PUT at the old name for an edit or a rename. */
export function propertyWrite(values: PropertyFormValues, originalName: string | undefined, original?: Property) {
  const body = formToProperty(values, original);
  return originalName === undefined
    ? ({ method: 'POST', name: undefined, body } as const)
    : ({ method: 'PUT', name: originalName, body } as const);
}

export interface NameRules {
  /** Names already used by the others (a new name may not be one of them). */
  taken?: readonly string[];
  /** From Glance's live schema when known. */
  nameMax?: number;
}

/** Name rules: Glance's (present, at most 80 characters), and no "/" (Glance stores it, but no URL reaches it again). */
export function nameProblem(name: string, { taken = [], nameMax = NAME_MAX }: NameRules = {}): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter a name.';
  if (trimmed.length > nameMax) return `At most ${nameMax} characters (Glance's limit); this one has ${trimmed.length}.`;
  if (trimmed.includes('/')) return 'A name cannot contain "/": Glance would store it but could not find it again.';
  if (taken.includes(trimmed)) return `"${trimmed}" is already used here: pick another name, or edit that one.`;
  return undefined;
}

/**
 * A warning (not an error) when a name starts with a prefix Glance adds itself for one of the
 * namespace's resource types: hw_ typed into the name would give images hw_hw_….
 */
export function prefixWarning(name: string, associations: readonly { name: string; prefix?: string | null | undefined }[]): string | undefined {
  const hit = associations.find((association) => association.prefix && name.trim().startsWith(association.prefix));
  if (!hit?.prefix) return undefined;
  return `Glance puts "${hit.prefix}" in front of this name on ${hit.name} itself, which would make "${hit.prefix}${name.trim()}". Enter the bare name unless that is what you mean.`;
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

/** Why a typed value breaks the limits set in the form (for the default and the enum values). */
function limitProblem(values: PropertyFormValues, value: unknown): string | undefined {
  const fields = fieldsFor(values.type);
  if (fields.range && typeof value === 'number') {
    if (values.minimum.trim() !== '' && value < Number(values.minimum)) return `below the minimum ${values.minimum}`;
    if (values.maximum.trim() !== '' && value > Number(values.maximum)) return `above the maximum ${values.maximum}`;
  }
  if (fields.length && typeof value === 'string') {
    if (values.minLength.trim() !== '' && value.length < Number(values.minLength)) return `shorter than ${values.minLength} characters`;
    if (values.maxLength.trim() !== '' && value.length > Number(values.maxLength)) return `longer than ${values.maxLength} characters`;
    const pattern = values.pattern ? safeRegExp(values.pattern) : undefined;
    if (pattern && !pattern.test(value)) return `not matching the pattern`;
  }
  return undefined;
}

const TYPE_WORDS: Record<PropertyType, string> = {
  string: 'text',
  integer: 'whole numbers',
  number: 'numbers',
  boolean: 'true or false',
  array: 'JSON arrays',
  object: 'JSON objects',
};

type Issue = { path: keyof PropertyFormValues; message: string };

function enumIssues(type: PropertyType, textValue: string, path: 'enumText' | 'itemsEnumText'): Issue[] {
  const parsed = typedList(type, textValue);
  const bad = lines(textValue).filter((_, index) => !parsed[index]?.ok);
  if (bad.length) return [{ path, message: `Only ${TYPE_WORDS[type]} here, one a line: "${bad[0] ?? ''}" is not.` }];
  const seen = new Set<string>();
  for (const line of lines(textValue)) {
    if (seen.has(line)) return [{ path, message: `"${line}" is listed twice.` }];
    seen.add(line);
  }
  return [];
}

/** Every problem with the values, each on its field, with what to do. */
export function propertyIssues(values: PropertyFormValues, rules: NameRules = {}): Issue[] {
  const issues: Issue[] = [];
  const add = (path: keyof PropertyFormValues, message: string) => issues.push({ path, message });
  const name = nameProblem(values.name, rules);
  if (name) add('name', name);
  if (!values.title.trim()) add('title', 'Enter a title: the image editor shows it as the label.');
  const fields = fieldsFor(values.type);
  const pair = (low: keyof PropertyFormValues, high: keyof PropertyFormValues, sign: 'signed' | 'unsigned') => {
    const bad = (raw: string) => raw.trim() !== '' && !(sign === 'signed' ? /^-?\d+$/ : /^\d+$/).test(raw.trim());
    const message = sign === 'signed' ? 'A whole number (Glance keeps no fractions here).' : 'A whole number, 0 or more.';
    const lowText = String(values[low]);
    const highText = String(values[high]);
    if (bad(lowText)) add(low, message);
    if (bad(highText)) add(high, message);
    if (!bad(lowText) && !bad(highText) && lowText.trim() !== '' && highText.trim() !== '' && Number(lowText) > Number(highText)) {
      add(high, `Must not be below ${lowText.trim()}.`);
    }
  };
  // Glance's model holds minimum and maximum as integers (0.5 is stored as 0), whatever the type.
  if (fields.range) pair('minimum', 'maximum', 'signed');
  if (fields.length) pair('minLength', 'maxLength', 'unsigned');
  if (fields.pattern && values.pattern !== '' && !safeRegExp(values.pattern)) add('pattern', 'Not a valid regular expression.');
  if (fields.enum) {
    const enumProblems = enumIssues(values.type, values.enumText, 'enumText');
    issues.push(...enumProblems);
    if (!enumProblems.length) {
      for (const value of okValues(typedList(values.type, values.enumText))) {
        const problem = limitProblem(values, value);
        if (problem) {
          add('enumText', `"${text(value)}" is ${problem}.`);
          break;
        }
      }
    }
  }
  if (fields.default && values.defaultValue.trim() !== '') {
    const parsed = parseTyped(values.type, values.type === 'string' ? values.defaultValue : values.defaultValue.trim());
    const allowed = fields.enum ? lines(values.enumText) : [];
    if (!parsed.ok) add('defaultValue', `The default must be ${values.type === 'boolean' ? 'true or false' : `one of the ${TYPE_WORDS[values.type]}`}.`);
    else if (allowed.length && !allowed.includes(values.defaultValue.trim())) add('defaultValue', 'The default must be one of the allowed values.');
    else {
      const problem = limitProblem(values, parsed.value);
      if (problem) add('defaultValue', `The default is ${problem}.`);
    }
  }
  if (fields.items) issues.push(...enumIssues(values.itemsType, values.itemsEnumText, 'itemsEnumText'));
  return issues;
}

/** The form's zod schema: the values' shape, then propertyIssues on their fields. */
export function propertyFormSchema(rules: NameRules = {}) {
  return z
    .object({
      name: z.string(),
      title: z.string(),
      description: z.string(),
      type: z.enum(PROPERTY_TYPES),
      enumText: z.string(),
      defaultValue: z.string(),
      minimum: z.string(),
      maximum: z.string(),
      minLength: z.string(),
      maxLength: z.string(),
      pattern: z.string(),
      readonly: z.boolean(),
      operators: z.string(),
      itemsType: z.enum(PROPERTY_TYPES),
      itemsEnumText: z.string(),
    })
    .superRefine((values, context) => {
      for (const issue of propertyIssues(values, rules)) context.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    });
}
