// Pure rules behind the image detail page and editor: what a property value must look like
// (from the live image schema and the metadefs catalogue), how Glance's 4xx messages map onto
// form fields, and the figures Nova's old image proxy showed.

/** What is known about one extra property's value, whichever source said it. */
export interface PropertyRule {
  type?: string | null;
  enum?: readonly unknown[] | null;
  minimum?: number | null;
  maximum?: number | null;
  minLength?: number | null;
  maxLength?: number | null;
  pattern?: string | null;
  items?: { type?: string | null; enum?: readonly unknown[] | null } | null;
  operators?: readonly string[] | null;
}

/** Schema types may be a list (`["null", "string"]`): the first non-null one. */
export function mainType(type: string | readonly string[] | null | undefined): string | undefined {
  if (typeof type === 'string') return type;
  return type?.find((entry) => entry !== 'null');
}

/**
 * The rule the editor applies: the live image schema is what Glance enforces (kernel_id's
 * pattern, cinder_encryption_key_deletion_policy's enum), the catalogue only advises, so the
 * schema's constraints win and the catalogue fills the gaps.
 */
export function combineRules(schema: PropertyRule | undefined, catalogue: PropertyRule | undefined): PropertyRule | undefined {
  if (!schema) return catalogue;
  if (!catalogue) return schema;
  const merged: PropertyRule = { ...catalogue };
  for (const [key, value] of Object.entries(schema) as [keyof PropertyRule, PropertyRule[keyof PropertyRule]][]) {
    if (value !== undefined && value !== null) Object.assign(merged, { [key]: value });
  }
  return merged;
}

export function enumValues(rule: PropertyRule | undefined): string[] {
  return (rule?.enum ?? []).filter((value) => value !== null && value !== undefined).map(String);
}

/** A server-provided pattern that the browser cannot compile is skipped, never a crash. */
export function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- arrays of enum values

/**
 * Glance stores every extra property as a string, so an array is written the way Nova's
 * filters read it: with the namespace's operator (`<or> a <or> b`, `<all-in> a b`), or
 * comma-separated when the namespace names none.
 */
export function encodeArray(values: readonly string[], operators: readonly string[] | null | undefined): string {
  if (values.length === 0) return '';
  const operator = operators?.[0];
  if (operator === '<or>') return values.map((value) => `<or> ${value}`).join(' ');
  if (operator) return `${operator} ${values.join(' ')}`;
  return values.join(',');
}

export function decodeArray(text: string): string[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.startsWith('<or>')) return trimmed.split('<or>').map((part) => part.trim()).filter(Boolean);
  const operator = /^<[a-z-]+>\s*/.exec(trimmed);
  if (operator) return trimmed.slice(operator[0].length).split(/\s+/).filter(Boolean);
  return trimmed.split(',').map((part) => part.trim()).filter(Boolean);
}

// ---------------------------------------------------------------- validation

/** Why a value breaks its rule, as a sentence; undefined when it is fine (or empty). */
export function checkValue(rule: PropertyRule | undefined, value: string): string | undefined {
  if (!rule || value === '') return undefined;
  const type = rule.type ?? undefined;
  if (type === 'integer' && !/^-?\d+$/.test(value.trim())) return 'A whole number.';
  if (type === 'number' && !/^-?\d+(\.\d+)?$/.test(value.trim())) return 'A number.';
  if (type === 'boolean' && value !== 'true' && value !== 'false') return 'true or false.';
  if (type === 'integer' || type === 'number') {
    const number = Number(value);
    if (rule.minimum !== null && rule.minimum !== undefined && number < rule.minimum) return `At least ${rule.minimum}.`;
    if (rule.maximum !== null && rule.maximum !== undefined && number > rule.maximum) return `At most ${rule.maximum}.`;
  }
  const options = enumValues(rule);
  if (type !== 'array' && options.length > 0 && !options.includes(value)) return `One of: ${options.join(', ')}.`;
  if (type === 'array') {
    const allowed = enumValues(rule.items ?? undefined);
    const unknown = decodeArray(value).filter((entry) => allowed.length > 0 && !allowed.includes(entry));
    if (unknown.length) return `Not offered here: ${unknown.join(', ')}.`;
  }
  if (rule.minLength && value.length < rule.minLength) return `At least ${rule.minLength} characters.`;
  if (rule.maxLength && value.length > rule.maxLength) return `At most ${rule.maxLength} characters.`;
  const pattern = rule.pattern ? safeRegExp(rule.pattern) : undefined;
  if (pattern && !pattern.test(value)) return `Does not match the required pattern ${rule.pattern ?? ''}.`;
  return undefined;
}

/** Glance's own limits for extra properties (image_property_quota and image_tag_quota default to 128). */
export const GLANCE_LIMITS = { keyLength: 255, tagLength: 255, properties: 128, tags: 128 } as const;

// ---------------------------------------------------------------- server errors → fields

/**
 * The attribute a Glance 4xx message is about, so the error lands on that field:
 * "Attribute 'status' is read-only.", "Attribute disk_format can be only replaced for a queued
 * image.", "Property foo does not exist.", "Property name may not be removed.", and schema
 * failures ("… in schema['properties']['kernel_id']").
 */
export function attributeInError(message: string): string | undefined {
  const patterns = [
    /schema\['properties'\]\['([^']+)'\]/,
    /Attribute '([^']+)'/,
    /Attribute (\S+) can be only/,
    /Property (\S+) (?:does not exist|may not be removed|already present)/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(message);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

// ---------------------------------------------------------------- Nova's image proxy

/** The `progress` Nova's deprecated image API showed: 25 queued, 50 saving, 100 active. */
export function novaProgress(status: string): number {
  return status === 'active' ? 100 : status === 'saving' ? 50 : status === 'queued' ? 25 : 0;
}
