import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { imageKeys } from '@/features/images/api/image-keys';
import { patchImage } from '@/features/images/api/image-mutations';
import { mainType, type PropertyRule } from '@/features/images/api/image-detail-rules';
import { extraProperties, imageSchema, isReservedKey, READ_ONLY_ATTRIBUTES, type Image } from '@/features/images/api/image-schema';
import { glance } from '@/lib/glance';
import { buildImagePatch, rebasePatch, type EditableImage, type PatchOp } from '@/lib/json-patch';

// ---------------------------------------------------------------- live image schema

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
export type SchemaProperty = z.infer<typeof schemaPropertySchema>;
const imageJsonSchema = z.looseObject({
  properties: z.record(z.string(), schemaPropertySchema),
  required: z.array(z.string()).optional(),
});

/** The base attributes the edit form offers: writable in the live schema, never reserved. */
export const EDITABLE_BASE = ['name', 'visibility', 'disk_format', 'container_format', 'min_disk', 'min_ram', 'protected', 'os_hidden'] as const;
export type EditableBase = (typeof EDITABLE_BASE)[number];

export const imageSchemaQuery = () =>
  queryOptions({
    queryKey: [...imageKeys.schema(), 'full'] as const,
    queryFn: ({ signal }) => glance().json('v2/schemas/image', imageJsonSchema, { signal }),
    staleTime: Infinity,
    select: (schema) => ({
      properties: schema.properties,
      required: schema.required ?? [],
      editable: EDITABLE_BASE.filter((key) => {
        const property = schema.properties[key];
        return property !== undefined && !property.readOnly && !READ_ONLY_ATTRIBUTES.has(key);
      }),
      enumOf: (key: string) => (schema.properties[key]?.enum ?? []).filter((value): value is string => typeof value === 'string'),
      // Operator-defined extra properties (schema-image.json: kernel_id, os_distro…) and the
      // constraints Glance enforces on them.
      extraRules: new Map<string, PropertyRule>(
        Object.entries(schema.properties)
          .filter(([key, property]) => property.is_base === false && !isReservedKey(key))
          .map(([key, property]) => [
            key,
            {
              type: mainType(property.type),
              enum: property.enum?.filter((value) => value !== null),
              maxLength: property.maxLength,
              minLength: property.minLength,
              minimum: property.minimum,
              maximum: property.maximum,
              pattern: property.pattern,
            },
          ]),
      ),
    }),
  });

// ---------------------------------------------------------------- metadefs catalogue

const metadefPropertySchema = z.looseObject({
  title: z.string().nullish(),
  description: z.string().nullish(),
  type: z.string().nullish(),
  enum: z.array(z.unknown()).nullish(),
  minimum: z.number().nullish(),
  maximum: z.number().nullish(),
  minLength: z.number().nullish(),
  maxLength: z.number().nullish(),
  pattern: z.string().nullish(),
  items: z.looseObject({ type: z.string().nullish(), enum: z.array(z.unknown()).nullish() }).nullish(),
  operators: z.array(z.string()).nullish(),
  default: z.unknown().optional(),
  readonly: z.boolean().nullish(),
});
export type CatalogueProperty = z.infer<typeof metadefPropertySchema> & { name: string; namespace: string; namespaceTitle: string };
const namespaceSummarySchema = z.looseObject({ namespace: z.string(), display_name: z.string().nullish(), description: z.string().nullish() });
const namespacesSchema = z.looseObject({ namespaces: z.array(namespaceSummarySchema), next: z.string().optional() });
const namespaceSchema = namespaceSummarySchema.extend({
  properties: z.record(z.string(), metadefPropertySchema).optional(),
  objects: z.array(z.looseObject({ name: z.string(), properties: z.record(z.string(), metadefPropertySchema).optional() })).optional(),
});

export interface CatalogueNamespace {
  namespace: string;
  title: string;
  description: string;
  properties: CatalogueProperty[];
}

const RESOURCE_TYPE = 'OS::Glance::Image';

/**
 * Namespaces associated with images, each with its properties named as they go on an image
 * (with `?resource_type=` Glance applies the prefix, e.g. hw_).
 */
export const imageCatalogueQuery = () =>
  queryOptions({
    queryKey: ['metadefs', 'image-catalogue'] as const,
    queryFn: async ({ signal }): Promise<CatalogueNamespace[]> => {
      const list = await glance().json('v2/metadefs/namespaces', namespacesSchema, { query: { resource_types: RESOURCE_TYPE, limit: 1000 }, signal });
      const details = await Promise.all(
        list.namespaces.map((ns) =>
          glance().json(`v2/metadefs/namespaces/${encodeURIComponent(ns.namespace)}`, namespaceSchema, { query: { resource_type: RESOURCE_TYPE }, signal }),
        ),
      );
      return details.map((ns) => {
        const title = ns.display_name || ns.namespace;
        const all = { ...ns.properties };
        for (const object of ns.objects ?? []) Object.assign(all, object.properties);
        return {
          namespace: ns.namespace,
          title,
          description: ns.description ?? '',
          properties: Object.entries(all)
            .map(([name, property]) => ({ ...property, name, namespace: ns.namespace, namespaceTitle: title }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        };
      });
    },
    staleTime: 30 * 60_000,
  });

// ---------------------------------------------------------------- image tasks

const imageTaskSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  message: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  request_id: z.string().nullish(),
  user_id: z.string().nullish(),
  input: z.unknown().optional(),
  result: z.unknown().optional(),
});
export type ImageTask = z.infer<typeof imageTaskSchema>;

export const imageTasksQuery = (id: string) =>
  queryOptions({
    queryKey: imageKeys.tasks(id),
    queryFn: async ({ signal }) => (await glance().json(`v2/images/${encodeURIComponent(id)}/tasks`, z.looseObject({ tasks: z.array(imageTaskSchema) }), { signal })).tasks,
  });

// ---------------------------------------------------------------- editing

export function toEditable(image: Image): EditableImage {
  const base: EditableImage['base'] = {};
  for (const key of EDITABLE_BASE) {
    const value = image[key];
    base[key] = value === undefined ? null : (value as string | number | boolean | null);
  }
  // Glance keeps os_glance_* for itself: shown, never edited.
  const extras = Object.fromEntries(Object.entries(extraProperties(image)).filter(([key]) => !key.startsWith('os_glance_')));
  return { base, extras, tags: [...image.tags] };
}

/** The image changed on the server since the form loaded it. */
export class ImageConflict extends Error {
  override readonly name = 'ImageConflict';
  constructor(readonly server: Image) {
    super('The image changed on the server since you opened it.');
  }
}

export type SaveMode = 'check' | 'merge' | 'overwrite';

/**
 * Glance has no ETag and no `test` op, so the image is read again just before saving. If it
 * changed since the form loaded it, nothing is sent and ImageConflict carries the server's
 * version; the user then merges (their changes on top of the server's) or overwrites.
 */
export function useSaveImage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ loaded, edited, mode }: { loaded: Image; edited: EditableImage; mode: SaveMode }): Promise<Image> => {
      const server = await glance().json(`v2/images/${encodeURIComponent(id)}`, imageSchema);
      const serverEditable = toEditable(server);
      const loadedEditable = toEditable(loaded);
      const changedOnServer = server.updated_at !== loaded.updated_at || buildImagePatch(loadedEditable, serverEditable).length > 0;
      let ops: PatchOp[];
      if (mode === 'overwrite') ops = buildImagePatch(serverEditable, edited);
      else if (changedOnServer && mode === 'check') throw new ImageConflict(server);
      else ops = mode === 'merge' ? rebasePatch(buildImagePatch(loadedEditable, edited), serverEditable, loadedEditable) : buildImagePatch(loadedEditable, edited);
      if (ops.length === 0) return server;
      return patchImage(id, ops);
    },
    onSuccess: (image) => {
      queryClient.setQueryData(imageKeys.detail(id), image);
      return queryClient.invalidateQueries({ queryKey: imageKeys.lists() });
    },
  });
}

// ---------------------------------------------------------------- members (for the visibility warning)

const membersSchema = z.looseObject({ members: z.array(z.looseObject({ member_id: z.string(), status: z.string() })) });

/** Who the image is shared with: making it private (or public/community) takes their access away. */
export const imageMembersQuery = (id: string, enabled: boolean) =>
  queryOptions({
    queryKey: imageKeys.members(id),
    queryFn: async ({ signal }) => (await glance().json(`v2/images/${encodeURIComponent(id)}/members`, membersSchema, { signal })).members,
    enabled,
  });
