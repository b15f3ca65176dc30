import { z } from 'zod';
import { TASK_STATUSES } from '@/features/tasks/api/task-schema';
import type { QueryParams } from '@/lib/http';
import { writeMarkerPosition } from '@/lib/marker-paging';

// The task list's state in the URL: status and type filters, sort, page size and the marker
// (a task id) with the trail of earlier markers.

/** The keys Glance's task list sorts by. */
export const TASK_SORT_KEYS = ['created_at', 'updated_at', 'expires_at', 'status', 'type', 'id'] as const;
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];
/** Glance's `type` filter accepts only "import" (api_image_import is refused with a 400). */
export const TASK_TYPE_FILTERS = ['import'] as const;
export const TASK_PAGE_SIZES = [25, 50, 100, 200] as const;

export interface TaskListState {
  status: '' | (typeof TASK_STATUSES)[number];
  type: '' | (typeof TASK_TYPE_FILTERS)[number];
  sortKey: TaskSortKey;
  sortDir: 'asc' | 'desc';
  limit: number;
  marker: string;
  trail: string[];
}

export const DEFAULT_TASK_LIST: TaskListState = { status: '', type: '', sortKey: 'created_at', sortDir: 'desc', limit: 25, marker: '', trail: [] };

const searchSchema = z.object({
  status: z.union([z.enum(TASK_STATUSES), z.literal('')]).catch(''),
  type: z.union([z.enum(TASK_TYPE_FILTERS), z.literal('')]).catch(''),
  sortKey: z.enum(TASK_SORT_KEYS).catch('created_at'),
  sortDir: z.enum(['asc', 'desc']).catch('desc'),
  limit: z.coerce.number().pipe(z.literal(TASK_PAGE_SIZES)).catch(25),
  marker: z.string().catch(''),
  trail: z.array(z.string()).catch([]),
}) satisfies z.ZodType<TaskListState, unknown>;

export function decodeTaskList(search: URLSearchParams): TaskListState {
  return searchSchema.parse({
    status: search.get('status') ?? undefined,
    type: search.get('type') ?? undefined,
    sortKey: search.get('sort_key') ?? undefined,
    sortDir: search.get('sort_dir') ?? undefined,
    limit: search.get('limit') ?? undefined,
    marker: search.get('marker') ?? undefined,
    trail: search.getAll('trail'),
  });
}

/** Writes the state, defaults left out; a trail only travels with a marker. */
export function encodeTaskList(state: TaskListState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.status) search.set('status', state.status);
  if (state.type) search.set('type', state.type);
  if (state.sortKey !== DEFAULT_TASK_LIST.sortKey) search.set('sort_key', state.sortKey);
  if (state.sortDir !== DEFAULT_TASK_LIST.sortDir) search.set('sort_dir', state.sortDir);
  if (state.limit !== DEFAULT_TASK_LIST.limit) search.set('limit', String(state.limit));
  writeMarkerPosition(search, state);
  return search;
}

/** Filters, sort and page size start again at the first page. */
export function withTaskChanges(state: TaskListState, changes: Partial<Omit<TaskListState, 'marker' | 'trail'>>): TaskListState {
  return { ...state, ...changes, marker: '', trail: [] };
}

/** Clicking a column: the same key flips direction; a new key starts descending (newest, last). */
export function toggleTaskSort(state: TaskListState, key: TaskSortKey): TaskListState {
  const sortDir = state.sortKey === key ? (state.sortDir === 'desc' ? 'asc' : 'desc') : 'desc';
  return withTaskChanges(state, { sortKey: key, sortDir });
}

export function hasTaskFilters(state: TaskListState): boolean {
  return state.status !== '' || state.type !== '';
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
