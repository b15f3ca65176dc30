import type { Property, ResourceTypeAssociation } from '@/features/metadefs/api/metadef-schema';

// How a property definition reads to people: its values, limits and the key it gets on a resource.

/** Enum values and defaults as text: strings as they are, anything else as JSON. */
export function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

/** The allowed values of a property, or of its items for arrays. */
export function enumValues(property: Property): string[] {
  return (property.enum ?? property.items?.enum ?? []).map(formatValue);
}

/** "array of string" for arrays, the plain type otherwise. */
export function typeLabel(property: Property): string {
  const type = property.type ?? '—';
  return type === 'array' && property.items?.type ? `array of ${property.items.type}` : type;
}

/** Limits in words: numeric range, length, item count, pattern. Empty when there are none. */
export function limits(property: Property): string[] {
  const parts: string[] = [];
  const range = (low: number | null | undefined, high: number | null | undefined, unit: string) => {
    const hasLow = low !== null && low !== undefined;
    const hasHigh = high !== null && high !== undefined;
    if (hasLow && hasHigh) parts.push(`${unit}${low} to ${high}`);
    else if (hasLow) parts.push(`${unit}at least ${low}`);
    else if (hasHigh) parts.push(`${unit}at most ${high}`);
  };
  range(property.minimum, property.maximum, '');
  range(property.minLength, property.maxLength, 'length ');
  range(property.minItems, property.maxItems, 'items ');
  if (property.uniqueItems) parts.push('unique items');
  if (property.pattern) parts.push(`pattern ${property.pattern}`);
  return parts;
}

/** Associations that put a prefix on property keys, in the order Glance lists them. */
export function prefixedAssociations(associations: readonly ResourceTypeAssociation[] | undefined): ResourceTypeAssociation[] {
  return (associations ?? []).filter((association) => Boolean(association.prefix));
}

/** The key as it appears on a resource: Glance puts the association's prefix in front (hw_ + cpu_policy). */
export function keyFor(name: string, prefix: string | null | undefined): string {
  return prefix ? `${prefix}${name}` : name;
}

/** The association whose keys are shown by default: images first, as this is an image console. */
export function defaultKeyView(associations: readonly ResourceTypeAssociation[] | undefined): string {
  const prefixed = prefixedAssociations(associations);
  return (prefixed.find((association) => association.name === 'OS::Glance::Image') ?? prefixed[0])?.name ?? '';
}

/** Sorted [name, property] pairs. */
export function sortedProperties(properties: Record<string, Property> | null | undefined): [string, Property][] {
  return Object.entries(properties ?? {}).sort(([a], [b]) => a.localeCompare(b));
}
