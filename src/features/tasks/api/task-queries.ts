import { queryOptions } from '@tanstack/react-query';
import { glanceListPage } from '@/components/list/glance-pages';
import { taskKeys } from '@/features/tasks/api/task-keys';
import { isLive } from '@/features/tasks/api/task-rules';
import { taskDetailSchema, taskPageSchema } from '@/features/tasks/api/task-schema';
import { glance } from '@/lib/glance';
import type { QueryParams } from '@/lib/http';

const POLL_MS = 3000;

export const taskQueries = {
  /** One page of GET /v2/tasks (admin-only: others get 403). Refreshes while a shown task runs. */
  list: (query: QueryParams) =>
    queryOptions({
      ...glanceListPage(taskKeys.list(query), 'v2/tasks', taskPageSchema, query),
      refetchInterval: (q) => (q.state.data?.tasks.some(isLive) ? POLL_MS : false),
    }),
  /** One task with input, result and message. */
  detail: (id: string) =>
    queryOptions({
      queryKey: taskKeys.detail(id),
      queryFn: ({ signal }) => glance().json(`v2/tasks/${encodeURIComponent(id)}`, taskDetailSchema, { signal }),
      refetchInterval: (q) => (q.state.data && isLive(q.state.data) ? POLL_MS : false),
    }),
};
