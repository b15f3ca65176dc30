import { queryOptions } from '@tanstack/react-query';
import { glanceListPage } from '@/components/list/glance-pages';
import { metadefKeys } from '@/features/metadefs/api/metadef-keys';
import {
  namespacePageSchema,
  namespaceSchema,
  namespaceWithPropertiesSchema,
  objectsSchema,
  propertiesSchema,
  resourceTypesSchema,
  tagsSchema,
  type CatalogueNamespace,
} from '@/features/metadefs/api/metadef-schema';
import { glance } from '@/lib/glance';
import type { QueryParams } from '@/lib/http';

// Metadefs change rarely (admins edit them): reads stay fresh for five minutes.
const STALE = 5 * 60_000;
const nsPath = (name: string) => `v2/metadefs/namespaces/${encodeURIComponent(name)}`;
const IMAGE_RESOURCE_TYPE = 'OS::Glance::Image';

export const metadefQueries = {
  /** One page of namespaces for a Glance query (the query is the key). */
  namespaceList: (query: QueryParams) =>
    queryOptions({ ...glanceListPage(metadefKeys.namespaceList(query), 'v2/metadefs/namespaces', namespacePageSchema, query), staleTime: STALE }),
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
  /**
   * Namespaces associated with images, each with its properties named as they go on an image
   * (with `?resource_type=` Glance applies the prefix, e.g. hw_). The image editor's catalogue.
   */
  imageCatalogue: () =>
    queryOptions({
      queryKey: metadefKeys.imageCatalogue(),
      queryFn: async ({ signal }): Promise<CatalogueNamespace[]> => {
        const list = await glance().json('v2/metadefs/namespaces', namespacePageSchema, {
          query: { resource_types: IMAGE_RESOURCE_TYPE, limit: 1000 },
          signal,
        });
        const details = await Promise.all(
          list.namespaces.map((ns) => glance().json(nsPath(ns.namespace), namespaceWithPropertiesSchema, { query: { resource_type: IMAGE_RESOURCE_TYPE }, signal })),
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
    }),
};
