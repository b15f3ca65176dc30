import { z } from 'zod';
import { defineListParams, optionalEnum } from '@/components/list/list-params';
import { TASK_STATUSES } from '@/features/tasks/api/task-schema';
import type { QueryParams } from '@/lib/http';

// The task list's state in the URL: status and type filters, sort, page size and the marker
// (a task id) with the trail of earlier markers.

/** The keys Glance's task list sorts by. */
export const TASK_SORT_KEYS = ['created_at', 'updated_at', 'expires_at', 'status', 'type', 'id'] as const;
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];
/** Glance's `type` filter accepts only "import" (api_image_import is refused with a 400). */
export const TASK_TYPE_FILTERS = ['import'] as const;

export const taskListParams = defineListParams({
  fields: z.object({
    status: optionalEnum(TASK_STATUSES),
    type: optionalEnum(TASK_TYPE_FILTERS),
    sortKey: z.enum(TASK_SORT_KEYS).catch('created_at'),
    sortDir: z.enum(['asc', 'desc']).catch('desc'),
  }),
  urlNames: { status: 'status', type: 'type', sortKey: 'sort_key', sortDir: 'sort_dir' },
  settings: ['sortKey', 'sortDir'],
  paging: { pageSizes: [10, 25, 50, 100, 200], defaultLimit: 25 },
});
export type TaskListState = typeof taskListParams.defaults;

/** Clicking a column: the same key flips direction; a new key starts descending (newest, last). */
export function toggleTaskSort(state: TaskListState, key: TaskSortKey): TaskListState {
  const sortDir = state.sortKey === key ? (state.sortDir === 'desc' ? 'asc' : 'desc') : 'desc';
  return taskListParams.change(state, { sortKey: key, sortDir });
}

/** GET /v2/tasks query. */
export function toTaskQuery(state: TaskListState): QueryParams {
  return {
    limit: state.limit,
    status: state.status || undefined,
    type: state.type || undefined,
    sort_key: state.sortKey,
    sort_dir: state.sortDir,
    marker: state.marker || undefined,
  };
}
