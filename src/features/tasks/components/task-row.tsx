import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ScrollablePre } from '@/components/ui/scrollable-pre';
import { Badge, ErrorPanel, Spinner } from '@/components/ui/states';
import { Truncated } from '@/components/ui/truncated';
import type { DataColumn } from '@/components/ui/data-table';
import { paths } from '@/config/paths';
import { taskQueries } from '@/features/tasks/api/task-queries';
import { prettyJson, statusTone, taskImageId } from '@/features/tasks/api/task-rules';
import type { Task, TaskDetail } from '@/features/tasks/api/task-schema';
import { formatAbsolute, formatRelative } from '@/lib/format';

function Time({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <time dateTime={value} title={formatAbsolute(value)}>
      {formatRelative(value)}
    </time>
  );
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <h3 className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-300">{label}</h3>
      <ScrollablePre label={label} className="max-h-72">
        {prettyJson(value)}
      </ScrollablePre>
    </div>
  );
}

function Details({ task }: { task: TaskDetail }) {
  const imageId = taskImageId(task);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500 dark:text-slate-400">Task ID</dt>
        <dd className="font-mono break-all">{task.id}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Message</dt>
        <dd className="break-words whitespace-pre-line">{task.message || '—'}</dd>
        {imageId && (
          <>
            <dt className="text-slate-500 dark:text-slate-400">Image</dt>
            <dd>
              <Link to={paths.image(imageId)} className="font-mono break-all text-sky-800 hover:underline dark:text-sky-300">
                {imageId}
              </Link>
            </dd>
          </>
        )}
        {task.user_id && (
          <>
            <dt className="text-slate-500 dark:text-slate-400">User</dt>
            <dd className="font-mono break-all">{task.user_id}</dd>
          </>
        )}
        {task.request_id && (
          <>
            <dt className="text-slate-500 dark:text-slate-400">Request</dt>
            <dd className="font-mono break-all">{task.request_id}</dd>
          </>
        )}
        <dt className="text-slate-500 dark:text-slate-400">Created</dt>
        <dd>{formatAbsolute(task.created_at)}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Updated</dt>
        <dd>{formatAbsolute(task.updated_at)}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Expires</dt>
        <dd>{formatAbsolute(task.expires_at)}</dd>
      </dl>
      <div className="grid gap-3 lg:grid-cols-2">
        <JsonBlock label={`Input of task ${task.id}`} value={task.input} />
        <JsonBlock label={`Result of task ${task.id}`} value={task.result} />
      </div>
    </div>
  );
}

/** A task's expanded panel: input, result and message are not in the list, so the task itself is loaded. */
export function TaskDetails({ id }: { id: string }) {
  const detail = useQuery(taskQueries.detail(id));
  return (
    <div id={detailsId(id)}>
      {detail.isPending && <Spinner label="Loading the task" />}
      {detail.isError && <ErrorPanel error={detail.error} context="Loading the task" onRetry={() => void detail.refetch()} />}
      {detail.data && <Details task={detail.data} />}
    </div>
  );
}

const detailsId = (id: string) => `task-${id}-details`;

/** Failures explain themselves in `message`, which only the task itself carries: fetch those too. */
function TaskMessage({ task }: { task: Task }) {
  const detail = useQuery({ ...taskQueries.detail(task.id), enabled: task.status === 'failure' && !task.message });
  const message = task.message || detail.data?.message || '';
  return <Truncated text={message} className="text-xs text-slate-600 dark:text-slate-400" />;
}

interface TaskColumnsOptions {
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

/** The task table's columns; the first one opens a task's details. */
export function taskColumns({ expanded, onToggle }: TaskColumnsOptions): DataColumn<Task>[] {
  return [
    {
      id: 'details',
      header: 'Details',
      headerHidden: true,
      width: 36,
      priority: 0,
      cell: (task) => (
        <button
          type="button"
          aria-expanded={expanded.has(task.id)}
          aria-controls={expanded.has(task.id) ? detailsId(task.id) : undefined}
          aria-label={`Details of task ${task.id}`}
          onClick={() => onToggle(task.id)}
          className="rounded px-1 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
        >
          <span aria-hidden>{expanded.has(task.id) ? '▾' : '▸'}</span>
        </button>
      ),
    },
    { id: 'id', header: 'ID', sortKey: 'id', minWidth: 140, priority: 0, cell: (task) => <Truncated text={task.id} className="font-mono text-xs" /> },
    { id: 'type', header: 'Type', sortKey: 'type', width: 80, priority: 3, cell: (task) => task.type },
    { id: 'status', header: 'Status', sortKey: 'status', width: 100, priority: 0, cell: (task) => <Badge tone={statusTone(task.status)}>{task.status}</Badge> },
    { id: 'owner', header: 'Owner', width: 140, priority: 1, cell: (task) => <Truncated text={task.owner ?? '—'} className="font-mono text-xs text-slate-600 dark:text-slate-400" /> },
    { id: 'created', header: 'Created', sortKey: 'created_at', width: 100, priority: 2, cell: (task) => <Time value={task.created_at} /> },
    { id: 'updated', header: 'Updated', sortKey: 'updated_at', width: 100, priority: 4, cell: (task) => <Time value={task.updated_at} /> },
    { id: 'expires', header: 'Expires', sortKey: 'expires_at', width: 100, priority: 4, cell: (task) => <Time value={task.expires_at} /> },
    { id: 'message', header: 'Message', minWidth: 140, priority: 2, cell: (task) => <TaskMessage task={task} /> },
  ];
}
