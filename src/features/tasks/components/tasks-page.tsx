import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Pager } from '@/components/ui/pager';
import { cn } from '@/components/ui/cn';
import { Field, inputClass } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page';
import { EmptyState, ErrorPanel, Spinner } from '@/components/ui/states';
import {
  DEFAULT_TASK_LIST,
  TASK_PAGE_SIZES,
  TASK_TYPE_FILTERS,
  decodeTaskList,
  encodeTaskList,
  hasTaskFilters,
  toTaskQuery,
  toggleTaskSort,
  withTaskChanges,
  type TaskListState,
  type TaskSortKey,
} from '@/features/tasks/api/task-list-params';
import { taskQueries } from '@/features/tasks/api/task-queries';
import { TASK_STATUSES } from '@/features/tasks/api/task-schema';
import { TaskRow } from '@/features/tasks/components/task-row';
import { isApiError } from '@/lib/api-error';
import { nextPage, previousPage } from '@/lib/marker-paging';

const markerLostSchema = z.object({ markerLost: z.literal(true) });

function SortHeader({ label, sortKey, state, onSort }: { label: string; sortKey: TaskSortKey; state: TaskListState; onSort: (key: TaskSortKey) => void }) {
  const active = state.sortKey === sortKey;
  return (
    <th scope="col" aria-sort={active ? (state.sortDir === 'asc' ? 'ascending' : 'descending') : undefined} className="px-2 py-1.5 font-medium">
      <button type="button" className="inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-slate-100" onClick={() => onSort(sortKey)}>
        {label}
        {active && <span aria-hidden>{state.sortDir === 'asc' ? '▲' : '▼'}</span>}
      </button>
    </th>
  );
}

function AdminsOnly() {
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40">
      <p className="font-medium text-amber-900 dark:text-amber-200">Only administrators can see tasks</p>
      <p className="mt-1 text-amber-800 dark:text-amber-300">
        Glance lets only cloud administrators list tasks (policy “tasks_api_access”). An image’s own import tasks are shown on the image’s page.
      </p>
    </div>
  );
}

/** Glance tasks (imports), filtered, sorted and paged in the URL; a row expands to its input and result. */
export function TasksPage() {
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const state = useMemo(() => decodeTaskList(search), [search]);
  const list = useQuery(taskQueries.list(toTaskQuery(state)));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const navigate = useCallback((next: TaskListState) => setSearch(encodeTaskList(next)), [setSearch]);
  const change = (changes: Partial<Omit<TaskListState, 'marker' | 'trail'>>) => navigate(withTaskChanges(state, changes));
  const toggle = useCallback(
    (id: string) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  // A marker naming a task that has expired answers 400: back to the first page, saying why.
  const markerGone = Boolean(state.marker) && isApiError(list.error) && list.error.status === 400;
  useEffect(() => {
    if (markerGone) setSearch(encodeTaskList({ ...state, marker: '', trail: [] }), { replace: true, state: { markerLost: true } });
  }, [markerGone, state, setSearch]);
  const markerLost = markerLostSchema.safeParse(location.state).success;

  const forbidden = isApiError(list.error) && list.error.status === 403;
  const tasks = list.data?.tasks ?? [];
  const last = tasks.at(-1)?.id;
  const hasNext = Boolean(list.data?.next && last);

  return (
    <>
      <PageHeader title="Tasks">Asynchronous work Glance runs for imports. Glance deletes each task when it expires.</PageHeader>
      {forbidden ? (
        <AdminsOnly />
      ) : (
        <>
          <section aria-label="Filters" className="mb-3 flex flex-wrap items-end gap-3">
            <Field label="Status" className="w-40">
              <select
                className={inputClass}
                value={state.status}
                onChange={(event) => change({ status: TASK_STATUSES.find((value) => value === event.target.value) ?? '' })}
              >
                <option value="">Any status</option>
                {TASK_STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Type" className="w-40">
              <select className={inputClass} value={state.type} onChange={(event) => change({ type: TASK_TYPE_FILTERS.find((value) => value === event.target.value) ?? '' })}>
                <option value="">Any type</option>
                {TASK_TYPE_FILTERS.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </Field>
            {hasTaskFilters(state) && (
              <Button size="sm" variant="ghost" onClick={() => navigate({ ...DEFAULT_TASK_LIST, sortKey: state.sortKey, sortDir: state.sortDir, limit: state.limit })}>
                Clear filters
              </Button>
            )}
          </section>
          {markerLost && (
            <p role="status" className="mb-3 text-sm text-amber-800 dark:text-amber-300">
              Back to the first page: the page you asked for started after a task that has expired.
            </p>
          )}

          {list.isPending && <Spinner label="Loading tasks" />}
          {list.isError && !markerGone && <ErrorPanel error={list.error} context="Loading tasks" onRetry={() => void list.refetch()} />}
          {list.data && tasks.length === 0 && (
            <EmptyState title="No tasks">
              {hasTaskFilters(state) ? 'No task matches these filters: clear them to see every task.' : 'Glance has no unexpired task.'}
            </EmptyState>
          )}
          {tasks.length > 0 && (
            <div
              className={cn('overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900', list.isPlaceholderData && 'opacity-60 transition-opacity')}
              aria-busy={list.isFetching}
            >
              <table className="w-full text-sm">
                <caption className="sr-only">Tasks</caption>
                <thead className="bg-slate-50 text-left text-xs text-slate-500 dark:bg-slate-800/50 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="px-2 py-1.5">
                      <span className="sr-only">Details</span>
                    </th>
                    <SortHeader label="ID" sortKey="id" state={state} onSort={(key) => navigate(toggleTaskSort(state, key))} />
                    <SortHeader label="Type" sortKey="type" state={state} onSort={(key) => navigate(toggleTaskSort(state, key))} />
                    <SortHeader label="Status" sortKey="status" state={state} onSort={(key) => navigate(toggleTaskSort(state, key))} />
                    <th scope="col" className="px-2 py-1.5 font-medium">
                      Owner
                    </th>
                    <SortHeader label="Created" sortKey="created_at" state={state} onSort={(key) => navigate(toggleTaskSort(state, key))} />
                    <SortHeader label="Updated" sortKey="updated_at" state={state} onSort={(key) => navigate(toggleTaskSort(state, key))} />
                    <SortHeader label="Expires" sortKey="expires_at" state={state} onSort={(key) => navigate(toggleTaskSort(state, key))} />
                    <th scope="col" className="px-2 py-1.5 font-medium">
                      Message
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tasks.map((task) => (
                    <TaskRow key={task.id} task={task} expanded={expanded.has(task.id)} onToggle={toggle} />
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <Pager
            position={state}
            canNext={hasNext && !list.isPlaceholderData}
            onPrevious={() => navigate(previousPage(state))}
            onNext={() => last && navigate(nextPage(state, last))}
            pageSize={state.limit}
            pageSizes={TASK_PAGE_SIZES}
            onPageSize={(limit) => change({ limit })}
          />
        </>
      )}
    </>
  );
}
