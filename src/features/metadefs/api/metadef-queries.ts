import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { metadefKeys } from '@/features/metadefs/api/metadef-keys';
import {
  namespacePageSchema,
  namespaceSchema,
  objectsSchema,
  propertiesSchema,
  resourceTypesSchema,
  tagsSchema,
} from '@/features/metadefs/api/metadef-schema';
import { glance } from '@/lib/glance';
import type { QueryParams } from '@/lib/http';

// Metadefs change rarely (admins edit them): reads stay fresh for five minutes.
const STALE = 5 * 60_000;
const nsPath = (name: string) => `v2/metadefs/namespaces/${encodeURIComponent(name)}`;

export const metadefQueries = {
  /** One page of namespaces for a Glance query (the query is the key). */
  namespaceList: (query: QueryParams) =>
    queryOptions({
      queryKey: metadefKeys.namespaceList(query),
      queryFn: ({ signal }) => glance().json('v2/metadefs/namespaces', namespacePageSchema, { query, signal }),
      placeholderData: keepPreviousData,
      staleTime: STALE,
    }),
  namespace: (name: string) =>
    queryOptions({
      queryKey: metadefKeys.namespace(name),
      queryFn: ({ signal }) => glance().json(nsPath(name), namespaceSchema, { signal }),
      staleTime: STALE,
    }),
  properties: (name: string) =>
    queryOptions({
      queryKey: metadefKeys.properties(name),
      queryFn: async ({ signal }) => (await glance().json(`${nsPath(name)}/properties`, propertiesSchema, { signal })).properties,
      staleTime: STALE,
    }),
  objects: (name: string) =>
    queryOptions({
      queryKey: metadefKeys.objects(name),
      queryFn: async ({ signal }) => (await glance().json(`${nsPath(name)}/objects`, objectsSchema, { signal })).objects,
      staleTime: STALE,
    }),
  tags: (name: string) =>
    queryOptions({
      queryKey: metadefKeys.tags(name),
      queryFn: async ({ signal }) => (await glance().json(`${nsPath(name)}/tags`, tagsSchema, { signal })).tags,
      staleTime: STALE,
    }),
  resourceTypes: () =>
    queryOptions({
      queryKey: metadefKeys.resourceTypes(),
      queryFn: async ({ signal }) =>
        (await glance().json('v2/metadefs/resource_types', resourceTypesSchema, { signal })).resource_types.map((type) => type.name).sort(),
      staleTime: Infinity,
    }),
};
