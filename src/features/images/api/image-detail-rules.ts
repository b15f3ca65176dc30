// Pure rules behind the image detail page and editor: what a property value must look like
// (from the live image schema and the metadefs catalogue), how Glance's 4xx messages map onto
// form fields, and the figures Nova's old image proxy showed. The value rules themselves are in
// lib/property-values (shared with the metadefs editor's preview), re-exported here.

import type { PropertyRule } from '@/lib/property-values';

export { checkValue, decodeArray, encodeArray, enumValues, safeRegExp, type PropertyRule } from '@/lib/property-values';

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
