import { z } from 'zod';
import { defineListParams, optionalEnum } from '@/components/list/list-params';
import type { QueryParams } from '@/lib/http';

// The namespace list's state lives in the URL: resource type and visibility filters, page
// size, and the marker (a namespace name) with the trail of earlier markers for "Previous".

export const VISIBILITIES = ['public', 'private'] as const;

export const namespaceListParams = defineListParams({
  fields: z.object({ resourceType: z.string().catch(''), visibility: optionalEnum(VISIBILITIES) }),
  urlNames: { resourceType: 'resource_type', visibility: 'visibility' },
  paging: { pageSizes: [10, 25, 50, 100], defaultLimit: 25 },
});
export type NamespaceListState = typeof namespaceListParams.defaults;

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
