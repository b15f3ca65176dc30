import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { glance } from '@/lib/glance';

export const taskSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  owner: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  expires_at: z.string().nullish(),
  message: z.string().nullish(),
  input: z.unknown().optional(),
  result: z.unknown().optional(),
});
export type Task = z.infer<typeof taskSchema>;
const taskListSchema = z.looseObject({ tasks: z.array(taskSchema), next: z.string().optional() });

export const TASK_STATUSES = ['pending', 'processing', 'success', 'failure'] as const;

export interface TaskListParams {
  status?: string | undefined;
  marker?: string | undefined;
  sortDir: 'asc' | 'desc';
}

export const taskKeys = {
  all: ['tasks'] as const,
  list: (params: TaskListParams) => [...taskKeys.all, 'list', params] as const,
};

export const taskQueries = {
  list: (params: TaskListParams) =>
    queryOptions({
      queryKey: taskKeys.list(params),
      queryFn: ({ signal }) =>
        glance().json('v2/tasks', taskListSchema, {
          query: { limit: 50, status: params.status, marker: params.marker, sort_key: 'created_at', sort_dir: params.sortDir },
          signal,
        }),
      placeholderData: keepPreviousData,
      refetchInterval: (query) => (query.state.data?.tasks.some((task) => task.status === 'pending' || task.status === 'processing') ? 3000 : false),
    }),
};
