import { z } from 'zod';
import { defineListParams } from '@/components/list/list-params';
import type { QueryParams } from '@/lib/http';

// A namespace's tag list in the URL (on the tags tab): sort and marker paging.

export const TAG_SORTS = { 'name-asc': 'Name A–Z', 'name-desc': 'Name Z–A', 'created-desc': 'Newest first', 'created-asc': 'Oldest first' } as const;
export type TagSort = keyof typeof TAG_SORTS;
const SORT_IDS = Object.keys(TAG_SORTS) as [TagSort, ...TagSort[]];

export const tagListParams = defineListParams({
  fields: z.object({ sort: z.enum(SORT_IDS).catch('name-asc') }),
  urlNames: { sort: 'sort' },
  settings: ['sort'],
  paging: { pageSizes: [25, 50, 100, 500], defaultLimit: 50 },
});
export type TagListState = typeof tagListParams.defaults;

/**
 * GET …/tags for a state. Glance's tag list has no `next` link, so it asks for one tag more than
 * the page shows: that extra tag says there is a next page. (A sort key Glance does not know
 * answers 500, so only these four are ever sent.)
 */
export function toTagQuery(state: TagListState): QueryParams {
  const [key, dir] = state.sort.split('-') as ['name' | 'created', 'asc' | 'desc'];
  return { limit: state.limit + 1, marker: state.marker || undefined, sort_key: key === 'created' ? 'created_at' : 'name', sort_dir: dir };
}
