import { z } from 'zod';

// An image as Glance v2 returns it. Base attributes are typed; extra properties (os_distro,
// hw_disk_bus, anything) pass through untouched as strings.
const imageStatusSchema = z.string(); // queued, saving, active, killed, deleted, pending_delete, deactivated, uploading, importing
const visibilitySchema = z.enum(['public', 'private', 'shared', 'community']);

export const imageSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable(),
  status: imageStatusSchema,
  visibility: visibilitySchema,
  protected: z.boolean(),
  os_hidden: z.boolean().optional().default(false),
  owner: z.string().nullable(),
  size: z.number().nullable().optional(),
  virtual_size: z.number().nullable().optional(),
  checksum: z.string().nullable().optional(),
  os_hash_algo: z.string().nullable().optional(),
  os_hash_value: z.string().nullable().optional(),
  container_format: z.string().nullable().optional(),
  disk_format: z.string().nullable().optional(),
  min_disk: z.number().nullable().optional(),
  min_ram: z.number().nullable().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  tags: z.array(z.string()).default([]),
  self: z.string().optional(),
  file: z.string().optional(),
  schema: z.string().optional(),
  direct_url: z.string().optional(),
  locations: z.array(z.looseObject({ url: z.string(), metadata: z.record(z.string(), z.unknown()).optional() })).optional(),
  stores: z.string().optional(),
});
export type Image = z.infer<typeof imageSchema>;

export { imageLabel } from '@/lib/image-ref';
export type Visibility = z.infer<typeof visibilitySchema>;

export const imageListSchema = z.looseObject({
  images: z.array(imageSchema),
  first: z.string().optional(),
  next: z.string().optional(),
});
export type ImageList = z.infer<typeof imageListSchema>;

/** Attributes Glance defines itself; everything else on an image is an extra property. */
export const BASE_ATTRIBUTES = new Set([
  'id', 'name', 'status', 'visibility', 'protected', 'os_hidden', 'owner', 'size', 'virtual_size', 'checksum',
  'os_hash_algo', 'os_hash_value', 'container_format', 'disk_format', 'min_disk', 'min_ram', 'created_at',
  'updated_at', 'tags', 'self', 'file', 'schema', 'direct_url', 'locations', 'stores',
]);

/** Keys Glance never lets users write (403): read-only or reserved. */
export const READ_ONLY_ATTRIBUTES = new Set([
  'id', 'status', 'checksum', 'size', 'virtual_size', 'created_at', 'updated_at', 'self', 'file', 'schema',
  'direct_url', 'os_hash_algo', 'os_hash_value', 'location', 'deleted', 'deleted_at', 'stores',
]);

export function isReservedKey(key: string): boolean {
  return key.startsWith('os_glance_') || READ_ONLY_ATTRIBUTES.has(key);
}

/** The extra (custom) properties of an image, as Glance stores them: strings. */
export function extraProperties(image: Image): Record<string, string> {
  const extras: Record<string, string> = {};
  for (const [key, value] of Object.entries(image)) {
    if (BASE_ATTRIBUTES.has(key)) continue;
    extras[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return extras;
}

/** Statuses that change by themselves: only images in these are polled. */
export const TRANSIENT_STATUSES = new Set(['queued', 'saving', 'uploading', 'importing', 'pending_delete']);

// ---------------------------------------------------------------- GET v2/schemas/image

/** One attribute in Glance's live image schema (a JSON-schema fragment). */
const schemaPropertySchema = z.looseObject({
  type: z.union([z.string(), z.array(z.string())]).optional(),
  enum: z.array(z.unknown()).optional(),
  maxLength: z.number().optional(),
  minLength: z.number().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  pattern: z.string().optional(),
  readOnly: z.boolean().optional(),
  description: z.string().optional(),
  is_base: z.boolean().optional(),
});

/** Glance's image schema: deployment config (allowed formats, operator-defined properties). */
export const imageJsonSchema = z.looseObject({
  properties: z.record(z.string(), schemaPropertySchema),
  required: z.array(z.string()).optional(),
});
export type ImageJsonSchema = z.infer<typeof imageJsonSchema>;

/** The base attributes the edit form offers: writable in the live schema, never reserved. */
export const EDITABLE_BASE = ['name', 'visibility', 'disk_format', 'container_format', 'min_disk', 'min_ram', 'protected', 'os_hidden'] as const;
