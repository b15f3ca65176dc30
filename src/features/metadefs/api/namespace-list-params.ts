import { z } from 'zod';
import { defineListParams, optionalEnum } from '@/components/list/list-params';
import type { QueryParams } from '@/lib/http';

// The namespace list's state lives in the URL: resource type and visibility filters, the sort,
// page size, and the marker (a namespace name) with the trail of earlier markers for "Previous".

export const VISIBILITIES = ['public', 'private'] as const;
export const NAMESPACE_SORT_KEYS = ['namespace', 'created_at', 'updated_at'] as const;
export type NamespaceSortKey = (typeof NAMESPACE_SORT_KEYS)[number];
export interface NamespaceSort {
  key: NamespaceSortKey;
  dir: 'asc' | 'desc';
}
export const DEFAULT_NAMESPACE_SORT: NamespaceSort = { key: 'namespace', dir: 'asc' };

/** "key:dir" from the URL; anything else is the default (by name, ascending). */
export function parseNamespaceSort(text: string): NamespaceSort {
  const [key, dir = 'asc'] = text.split(':');
  const known = NAMESPACE_SORT_KEYS.find((candidate) => candidate === key);
  return known && (dir === 'asc' || dir === 'desc') ? { key: known, dir } : DEFAULT_NAMESPACE_SORT;
}

/** The sorts offered by the list's "Sort by" select, as `key:dir` values. */
export const NAMESPACE_SORT_OPTIONS = [
  { value: 'namespace:asc', label: 'Namespace (A to Z)' },
  { value: 'namespace:desc', label: 'Namespace (Z to A)' },
  { value: 'created_at:desc', label: 'Newest first' },
  { value: 'created_at:asc', label: 'Oldest first' },
  { value: 'updated_at:desc', label: 'Recently updated' },
  { value: 'updated_at:asc', label: 'Least recently updated' },
] as const;
export type NamespaceSortValue = (typeof NAMESPACE_SORT_OPTIONS)[number]['value'];
export const sortValue = (sort: NamespaceSort) => `${sort.key}:${sort.dir}` as NamespaceSortValue;

/** Clicking a header: the same key flips its direction; a new key starts ascending for names, newest first for dates. */
export function nextNamespaceSort(current: NamespaceSort, key: NamespaceSortKey): NamespaceSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'namespace' ? 'asc' : 'desc' };
}

export const namespaceListParams = defineListParams({
  fields: z.object({
    resourceType: z.string().catch(''),
    visibility: optionalEnum(VISIBILITIES),
    sort: z
      .codec(z.string(), z.object({ key: z.enum(NAMESPACE_SORT_KEYS), dir: z.enum(['asc', 'desc']) }), {
        decode: parseNamespaceSort,
        encode: sortValue,
      })
      .catch(DEFAULT_NAMESPACE_SORT),
  }),
  urlNames: { resourceType: 'resource_type', visibility: 'visibility', sort: 'sort' },
  settings: ['sort'],
  paging: { pageSizes: [10, 25, 50, 100], defaultLimit: 25 },
});
export type NamespaceListState = typeof namespaceListParams.defaults;

/** GET /v2/metadefs/namespaces; the marker is a namespace name whatever the sort. */
export function toNamespaceQuery(state: NamespaceListState): QueryParams {
  return {
    limit: state.limit,
    marker: state.marker || undefined,
    resource_types: state.resourceType || undefined,
    visibility: state.visibility || undefined,
    sort_key: state.sort.key,
    sort_dir: state.sort.dir,
  };
}
