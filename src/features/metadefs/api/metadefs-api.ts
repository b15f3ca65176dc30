import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { glance } from '@/lib/glance';

export const resourceTypeAssociationSchema = z.looseObject({
  name: z.string(),
  prefix: z.string().nullish(),
  properties_target: z.string().nullish(),
});

export const namespaceSchema = z.looseObject({
  namespace: z.string(),
  display_name: z.string().nullish(),
  description: z.string().nullish(),
  visibility: z.string().nullish(),
  protected: z.boolean().nullish(),
  owner: z.string().nullish(),
  resource_type_associations: z.array(resourceTypeAssociationSchema).optional(),
});
export type Namespace = z.infer<typeof namespaceSchema>;

const namespaceListSchema = z.looseObject({ namespaces: z.array(namespaceSchema), next: z.string().optional() });

export const metadefPropertySchema = z.looseObject({
  title: z.string().nullish(),
  type: z.string().nullish(),
  description: z.string().nullish(),
  enum: z.array(z.unknown()).nullish(),
  default: z.unknown().optional(),
  minimum: z.number().nullish(),
  maximum: z.number().nullish(),
  pattern: z.string().nullish(),
  items: z.looseObject({ type: z.string().nullish(), enum: z.array(z.unknown()).nullish() }).nullish(),
});
export type MetadefProperty = z.infer<typeof metadefPropertySchema>;

const namespaceDetailSchema = namespaceSchema.extend({
  properties: z.record(z.string(), metadefPropertySchema).optional(),
  objects: z
    .array(z.looseObject({ name: z.string(), description: z.string().nullish(), properties: z.record(z.string(), metadefPropertySchema).optional() }))
    .optional(),
  tags: z.array(z.looseObject({ name: z.string() })).optional(),
});
export type NamespaceDetail = z.infer<typeof namespaceDetailSchema>;

const resourceTypesSchema = z.looseObject({ resource_types: z.array(z.looseObject({ name: z.string() })) });

export interface NamespaceListParams {
  resourceType?: string | undefined;
  marker?: string | undefined;
}

export const metadefKeys = {
  all: ['metadefs'] as const,
  namespaces: (params: NamespaceListParams) => [...metadefKeys.all, 'namespaces', params] as const,
  namespace: (name: string) => [...metadefKeys.all, 'namespace', name] as const,
  resourceTypes: () => [...metadefKeys.all, 'resource-types'] as const,
};

export const PAGE_SIZE = 50;

export const metadefQueries = {
  namespaces: (params: NamespaceListParams) =>
    queryOptions({
      queryKey: metadefKeys.namespaces(params),
      queryFn: ({ signal }) =>
        glance().json('v2/metadefs/namespaces', namespaceListSchema, {
          query: { limit: PAGE_SIZE, marker: params.marker, resource_types: params.resourceType, sort_key: 'namespace', sort_dir: 'asc' },
          signal,
        }),
      placeholderData: keepPreviousData,
      staleTime: 5 * 60_000,
    }),
  /** One namespace with its properties, objects and tags in a single call. */
  namespace: (name: string) =>
    queryOptions({
      queryKey: metadefKeys.namespace(name),
      queryFn: ({ signal }) => glance().json(`v2/metadefs/namespaces/${encodeURIComponent(name)}`, namespaceDetailSchema, { signal }),
      staleTime: 5 * 60_000,
    }),
  resourceTypes: () =>
    queryOptions({
      queryKey: metadefKeys.resourceTypes(),
      queryFn: async ({ signal }) => (await glance().json('v2/metadefs/resource_types', resourceTypesSchema, { signal })).resource_types.map((type) => type.name),
      staleTime: Infinity,
    }),
};
