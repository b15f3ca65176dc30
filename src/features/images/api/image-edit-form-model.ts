import { z } from 'zod';
import type { CatalogueNamespace } from '@/features/metadefs';
import { checkValue, combineRules, GLANCE_LIMITS, type PropertyRule } from '@/features/images/api/image-detail-rules';
import { toEditable } from '@/features/images/api/image-save';
import { BASE_ATTRIBUTES, EDITABLE_BASE, isReservedKey, type Image } from '@/features/images/api/image-schema';
import { buildImagePatch, cliCommands, type EditableImage, type PatchOp } from '@/lib/json-patch';

// The image edit form's model, pure: what the form holds, how an image becomes form values
// and back, the rules checked before sending, and what the review shows. No React here.

/** A property's rule plus where it comes from, for the typed input and its hint. */
export type KnownProperty = PropertyRule & { title?: string | null; description?: string | null; namespaceTitle?: string; default?: unknown };

export type BaseField = (typeof EDITABLE_BASE)[number];

/**
 * What is known about each extra property: the metadefs catalogue's rules (advisory; the first
 * namespace naming a key wins), overridden by the live image schema's (what Glance enforces).
 */
export function knownProperties(catalogue: readonly CatalogueNamespace[], schemaRules: ReadonlyMap<string, PropertyRule>): Map<string, KnownProperty> {
  const known = new Map<string, KnownProperty>();
  for (const namespace of catalogue) for (const property of namespace.properties) if (!known.has(property.name)) known.set(property.name, property);
  for (const [key, rule] of schemaRules) known.set(key, combineRules(rule, known.get(key)) as KnownProperty);
  return known;
}

/** One extra property row and the rows' limit, as every form that edits properties holds them. */
export const propertyRowsSchema = z
  .array(z.object({ key: z.string().trim(), value: z.string() }))
  .max(GLANCE_LIMITS.properties, `Glance allows at most ${GLANCE_LIMITS.properties} properties on an image.`);

/** Tag rows, as every form that edits tags holds them. */
export const tagRowsSchema = z
  .array(z.object({ value: z.string().trim().min(1, 'Empty tag.').max(GLANCE_LIMITS.tagLength, `At most ${GLANCE_LIMITS.tagLength} characters.`) }))
  .max(GLANCE_LIMITS.tags, `Glance allows at most ${GLANCE_LIMITS.tags} tags on an image.`);

/** What the properties and tag editors edit (the edit and create forms both hold these). */
export interface PropertyRows {
  properties: { key: string; value: string }[];
}
export interface TagRows {
  tags: { value: string }[];
}

/**
 * The checks across rows that Glance makes on properties and tags: keys present, not reserved,
 * not repeated; values that satisfy their rule (only new or changed ones: `loadedExtras` are the
 * values the image already had, not the user's doing); tags not repeated.
 */
export function checkPropertiesAndTags(
  values: PropertyRows & TagRows,
  context: z.RefinementCtx,
  rules: ReadonlyMap<string, KnownProperty>,
  loadedExtras: Readonly<Record<string, string>> = {},
): void {
  const seen = new Set<string>();
  values.properties.forEach(({ key, value }, index) => {
    const issue = (message: string, field: 'key' | 'value' = 'key') => context.addIssue({ code: 'custom', path: ['properties', index, field], message });
    if (!key) return issue('Enter a key, or remove the row.');
    if (key.length > GLANCE_LIMITS.keyLength) return issue(`Keys are at most ${GLANCE_LIMITS.keyLength} characters.`);
    if (isReservedKey(key) || BASE_ATTRIBUTES.has(key)) return issue(`"${key}" is set by Glance and cannot be edited here.`);
    if (seen.has(key)) return issue('This key is already used above.');
    seen.add(key);
    if (loadedExtras[key] === value) return;
    const problem = checkValue(rules.get(key), value);
    if (problem) issue(problem, 'value');
  });
  const tags = values.tags.map((tag) => tag.value.trim());
  tags.forEach((tag, index) => {
    if (tags.indexOf(tag) !== index) context.addIssue({ code: 'custom', path: ['tags', index, 'value'], message: 'Duplicate tag.' });
  });
}

/**
 * The form's schema. `loadedExtras` are the values the image had when the form opened: those
 * are not the user's doing, so only new or changed values are checked against their rules.
 */
export function editFormSchema(rules: ReadonlyMap<string, KnownProperty>, nameMax: number, loadedExtras: Readonly<Record<string, string>>) {
  return z
    .object({
      name: z.string().max(nameMax, `At most ${nameMax} characters.`),
      visibility: z.string(),
      disk_format: z.string(),
      container_format: z.string(),
      min_disk: z.number({ message: 'A whole number of GiB.' }).int('A whole number of GiB.').min(0, 'Zero or more.'),
      min_ram: z.number({ message: 'A whole number of MiB.' }).int('A whole number of MiB.').min(0, 'Zero or more.'),
      protected: z.boolean(),
      os_hidden: z.boolean(),
      properties: propertyRowsSchema,
      tags: tagRowsSchema,
    })
    .superRefine((values, context) => checkPropertiesAndTags(values, context, rules, loadedExtras));
}
export type EditFormValues = z.infer<ReturnType<typeof editFormSchema>>;

/** The form's values for an image: properties sorted by key, tags sorted, no name as an empty field. */
export function toForm(image: Image): EditFormValues {
  return {
    name: image.name ?? '',
    visibility: image.visibility,
    disk_format: image.disk_format ?? '',
    container_format: image.container_format ?? '',
    min_disk: image.min_disk ?? 0,
    min_ram: image.min_ram ?? 0,
    protected: image.protected,
    os_hidden: image.os_hidden,
    properties: Object.entries(toEditable(image).extras)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value })),
    tags: [...image.tags].sort().map((value) => ({ value })),
  };
}

/**
 * The image the form describes. An empty name field means "no name": Glance's null, the way an
 * image created without one has it (the app then shows its ID). An image whose name was
 * already the empty string keeps it, so opening and saving the form changes nothing.
 */
export function fromForm(values: EditFormValues, loaded: EditableImage): EditableImage {
  const name = values.name !== '' ? values.name : loaded.base.name === '' ? '' : null;
  return {
    base: {
      name,
      visibility: values.visibility,
      disk_format: values.disk_format || null,
      container_format: values.container_format || null,
      min_disk: values.min_disk,
      min_ram: values.min_ram,
      protected: values.protected,
      os_hidden: values.os_hidden,
    },
    extras: Object.fromEntries(values.properties.map(({ key, value }) => [key.trim(), value])),
    tags: values.tags.map((tag) => tag.value.trim()),
  };
}

/** What the "New tag" field would add: the trimmed tag, or why it cannot be added (nothing when empty). */
export function parseNewTag(draft: string): { tag: string } | { problem: string | undefined } {
  const tag = draft.trim();
  if (!tag) return { problem: undefined };
  if (tag.length > GLANCE_LIMITS.tagLength) return { problem: `At most ${GLANCE_LIMITS.tagLength} characters.` };
  return { tag };
}

/** The change the review dialog shows, computed once: the JSON-Patch and the same as command lines. */
export interface ReviewedChange {
  edited: EditableImage;
  ops: PatchOp[];
  /** `openstack image set/unset` lines, as shown and as copied. */
  commandLine: string;
  /** The name goes from something to none. */
  clearsName: boolean;
}

export function reviewChange(imageId: string, loaded: EditableImage, edited: EditableImage): ReviewedChange {
  const ops = buildImagePatch(loaded, edited);
  return {
    edited,
    ops,
    commandLine: cliCommands(imageId, ops, loaded.tags).join('\n'),
    clearsName: ops.some((op) => op.path === '/name' && op.op === 'replace' && op.value === null),
  };
}

/** The hint under a typed property: its title, where the rule comes from, its limits and description. */
export function ruleHint(info: KnownProperty): string {
  const parts: string[] = [];
  if (info.title) parts.push(info.title);
  parts.push(info.namespaceTitle || 'defined by the image schema');
  const limits: string[] = [];
  if (info.type === 'integer' || info.type === 'number') {
    if (info.minimum !== null && info.minimum !== undefined) limits.push(`≥ ${info.minimum}`);
    if (info.maximum !== null && info.maximum !== undefined) limits.push(`≤ ${info.maximum}`);
  }
  if (info.maxLength) limits.push(`≤ ${info.maxLength} characters`);
  if (info.pattern) limits.push(`pattern ${info.pattern}`);
  const head = parts.join(' · ') + (limits.length ? ` (${limits.join(', ')})` : '');
  return info.description ? `${head} — ${info.description.slice(0, 200)}` : head;
}

/** The form field a Glance 4xx about `key` belongs on: a base field, the tags, or a property's value row. */
export type ErrorField = BaseField | 'tags' | `properties.${number}.value`;

export function fieldOfError(key: string, properties: readonly { key: string }[]): ErrorField | undefined {
  if ((EDITABLE_BASE as readonly string[]).includes(key)) return key as BaseField;
  if (key === 'tags') return 'tags';
  const index = properties.findIndex((row) => row.key.trim() === key);
  return index === -1 ? undefined : `properties.${index}.value`;
}
