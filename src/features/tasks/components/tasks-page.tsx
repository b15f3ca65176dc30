import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page';
import { Badge, EmptyState, ErrorPanel, Spinner } from '@/components/ui/states';
import { TASK_STATUSES, taskQueries, type Task } from '@/features/tasks/api/tasks-api';
import { isApiError } from '@/lib/api-error';
import { formatAbsolute, formatRelative } from '@/lib/format';

const TONES: Record<string, 'good' | 'bad' | 'info'> = { success: 'good', failure: 'bad', pending: 'info', processing: 'info' };

function TaskRow({ task }: { task: Task }) {
  return (
    <li className="p-3 text-sm">
      <details>
        <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1">
          <span className="font-mono text-xs">{task.id}</span>
          <span>{task.type}</span>
          <Badge tone={TONES[task.status] ?? 'neutral'}>{task.status}</Badge>
          <span className="text-slate-500" title={formatAbsolute(task.created_at)}>
            created {formatRelative(task.created_at)}
          </span>
          {task.message && <span className="text-slate-600 dark:text-slate-400">{task.message}</span>}
        </summary>
        <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-xs">
          <dt className="text-slate-500">Owner</dt>
          <dd className="font-mono">{task.owner ?? '—'}</dd>
          <dt className="text-slate-500">Updated</dt>
          <dd>{formatAbsolute(task.updated_at)}</dd>
          <dt className="text-slate-500">Expires</dt>
          <dd>{formatAbsolute(task.expires_at)}</dd>
          <dt className="text-slate-500">Input</dt>
          <dd>
            <pre className="overflow-x-auto rounded bg-slate-100 p-2 dark:bg-slate-800">{JSON.stringify(task.input ?? null, null, 2)}</pre>
          </dd>
          <dt className="text-slate-500">Result</dt>
          <dd>
            <pre className="overflow-x-auto rounded bg-slate-100 p-2 dark:bg-slate-800">{JSON.stringify(task.result ?? null, null, 2)}</pre>
          </dd>
        </dl>
      </details>
    </li>
  );
}

export function TasksPage() {
  const [search, setSearch] = useSearchParams();
  const status = search.get('status') ?? undefined;
  const marker = search.get('marker') ?? undefined;
  const sortDir = search.get('sort_dir') === 'asc' ? 'asc' : 'desc';
  const list = useQuery(taskQueries.list({ status, marker, sortDir }));
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    next.delete('marker');
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearch(next);
  };
  const forbidden = isApiError(list.error) && list.error.status === 403;
  const last = list.data?.tasks.at(-1)?.id;
  return (
    <>
      <PageHeader title="Tasks">Asynchronous Glance work (imports), newest first.</PageHeader>
      {forbidden ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40">
          Only administrators can see tasks. An image’s own tasks are shown on its page.
        </div>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap gap-3">
            <Field label="Status" className="w-40">
              <select className={inputClass} value={status ?? ''} onChange={(event) => update({ status: event.target.value || undefined })}>
                <option value="">Any status</option>
                {TASK_STATUSES.map((value) => (
                  <option key={value}>{value}</option>
                ))}
              </select>
            </Field>
            <Field label="Order" className="w-40">
              <select className={inputClass} value={sortDir} onChange={(event) => update({ sort_dir: event.target.value === 'asc' ? 'asc' : undefined })}>
                <option value="desc">Newest first</option>
                <option value="asc">Oldest first</option>
              </select>
            </Field>
          </div>
          {list.isPending && <Spinner label="Loading tasks" />}
          {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
          {list.data?.tasks.length === 0 && <EmptyState title="No tasks">No task matches these filters.</EmptyState>}
          {list.data && list.data.tasks.length > 0 && (
            <ul aria-label="Tasks" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
              {list.data.tasks.map((task) => (
                <TaskRow key={task.id} task={task} />
              ))}
            </ul>
          )}
          <div className="mt-3 flex gap-2">
            {marker && (
              <Button size="sm" onClick={() => update({ marker: undefined })}>
                First page
              </Button>
            )}
            {list.data?.next && last && (
              <Button size="sm" onClick={() => setSearch(new URLSearchParams({ ...Object.fromEntries(search), marker: last }))}>
                Next page
              </Button>
            )}
          </div>
        </>
      )}
    </>
  );
}
