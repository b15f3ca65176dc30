// What a property value must look like, from a JSON-schema-like rule (Glance's image schema or a
// metadefs property): the shared checks and the array encoding that Nova's filters read. Used by
// the image editor and by the metadefs editor's preview, so both say the same thing.

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
