import { useCallback, useMemo, useState } from 'react';
import { glancePages } from '@/components/list/glance-pages';
import { ListView } from '@/components/list/list-view';
import { useListController } from '@/components/list/use-list-controller';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page';
import { SelectField } from '@/components/ui/select-field';
import { TASK_SORT_KEYS, TASK_TYPE_FILTERS, taskListParams, toTaskQuery, toggleTaskSort, type TaskListState } from '@/features/tasks/api/task-list-params';
import { taskQueries } from '@/features/tasks/api/task-queries';
import { TASK_STATUSES, type Task, type TaskPage } from '@/features/tasks/api/task-schema';
import { TaskDetails, taskColumns } from '@/features/tasks/components/task-row';
import { isApiError } from '@/lib/api-error';

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

const listOptions = {
  params: taskListParams,
  query: (state: TaskListState) => taskQueries.list(toTaskQuery(state)),
  ...glancePages((page: TaskPage) => page.tasks, (task) => task.id),
};

/** Glance tasks (imports), filtered, sorted and paged in the URL; a row expands to its input and result. */
export function TasksPage() {
  const controller = useListController(listOptions);
  const { state, change, navigate, list } = controller;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const columns = useMemo(() => taskColumns({ expanded, onToggle: toggle }), [expanded, toggle]);
  const sort = useMemo(
    () => ({
      terms: [{ key: state.sortKey, dir: state.sortDir }],
      onSort: (key: string) => {
        const known = TASK_SORT_KEYS.find((candidate) => candidate === key);
        if (known) navigate(toggleTaskSort(state, known));
      },
    }),
    [state, navigate],
  );
  const forbidden = isApiError(list.error) && list.error.status === 403;

  return (
    <>
      <PageHeader title="Tasks">Asynchronous work Glance runs for imports. Glance deletes each task when it expires.</PageHeader>
      {forbidden ? (
        <AdminsOnly />
      ) : (
        <>
          <section aria-label="Filters" className="mb-3 flex flex-wrap items-end gap-3">
            <SelectField label="Status" className="w-40" value={state.status} options={TASK_STATUSES} anyLabel="Any status" onChange={(status) => change({ status })} />
            <SelectField label="Type" className="w-40" value={state.type} options={TASK_TYPE_FILTERS} anyLabel="Any type" onChange={(type) => change({ type })} />
            {controller.hasFilters && (
              <Button size="sm" variant="ghost" onClick={controller.clearFilters}>
                Clear filters
              </Button>
            )}
          </section>
          <ListView
            controller={controller}
            noun={{ plural: 'tasks', one: 'a task', gone: 'has expired' }}
            empty={(filtered) => ({
              title: 'No tasks',
              detail: filtered ? 'No task matches these filters: clear them to see every task.' : 'Glance has no unexpired task.',
            })}
          >
            {(rows) => (
              <DataTable<Task>
                caption="Tasks"
                rows={rows}
                rowKey={(task) => task.id}
                columns={columns}
                sort={sort}
                alignTop
                expanded={(task) => (expanded.has(task.id) ? <TaskDetails id={task.id} /> : null)}
              />
            )}
          </ListView>
        </>
      )}
    </>
  );
}
