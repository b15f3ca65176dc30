import { z } from 'zod';
import type { QueryParams } from '@/lib/http';
import { writeMarkerPosition } from '@/lib/marker-paging';

// The namespace list's state lives in the URL: resource type and visibility filters, page
// size, and the marker (a namespace name) with the trail of earlier markers for "Previous".

export const VISIBILITIES = ['public', 'private'] as const;
export const NAMESPACE_PAGE_SIZES = [25, 50, 100] as const;

export interface NamespaceListState {
  resourceType: string;
  visibility: '' | (typeof VISIBILITIES)[number];
  limit: number;
  marker: string;
  /** Markers of the pages before this one, oldest first ('' is the first page). */
  trail: string[];
}

export const DEFAULT_NAMESPACE_LIST: NamespaceListState = { resourceType: '', visibility: '', limit: 25, marker: '', trail: [] };

const searchSchema = z.object({
  resourceType: z.string().catch(''),
  visibility: z.union([z.enum(VISIBILITIES), z.literal('')]).catch(''),
  limit: z.coerce.number().pipe(z.literal(NAMESPACE_PAGE_SIZES)).catch(25),
  marker: z.string().catch(''),
  trail: z.array(z.string()).catch([]),
}) satisfies z.ZodType<NamespaceListState, unknown>;

/** Reads the URL; anything malformed falls back to the default instead of failing. */
export function decodeNamespaceList(search: URLSearchParams): NamespaceListState {
  return searchSchema.parse({
    resourceType: search.get('resource_type') ?? undefined,
    visibility: search.get('visibility') ?? undefined,
    limit: search.get('limit') ?? undefined,
    marker: search.get('marker') ?? undefined,
    trail: search.getAll('trail'),
  });
}

/** Writes the state back, defaults left out. A trail is only kept with a marker. */
export function encodeNamespaceList(state: NamespaceListState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.resourceType) search.set('resource_type', state.resourceType);
  if (state.visibility) search.set('visibility', state.visibility);
  if (state.limit !== DEFAULT_NAMESPACE_LIST.limit) search.set('limit', String(state.limit));
  writeMarkerPosition(search, state);
  return search;
}

/** A new filter or page size starts at the first page. */
export function withNamespaceFilters(state: NamespaceListState, changes: Partial<Omit<NamespaceListState, 'marker' | 'trail'>>): NamespaceListState {
  return { ...state, ...changes, marker: '', trail: [] };
}

/** GET /v2/metadefs/namespaces, sorted by name so the marker (a name) reads naturally. */
export function toNamespaceQuery(state: NamespaceListState): QueryParams {
  return {
    limit: state.limit,
    marker: state.marker || undefined,
    resource_types: state.resourceType || undefined,
    visibility: state.visibility || undefined,
    sort_key: 'namespace',
    sort_dir: 'asc',
  };
}
