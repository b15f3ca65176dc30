import { ScrollablePre } from '@/components/ui/scrollable-pre';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Badge, ErrorPanel, Spinner } from '@/components/ui/states';
import { paths } from '@/config/paths';
import { taskQueries } from '@/features/tasks/api/task-queries';
import { prettyJson, statusTone, taskImageId } from '@/features/tasks/api/task-rules';
import type { Task, TaskDetail } from '@/features/tasks/api/task-schema';
import { formatAbsolute, formatRelative } from '@/lib/format';

export const TASK_COLUMN_COUNT = 9;

function Time({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-slate-500">—</span>;
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
        <dd className="whitespace-pre-line">{task.message || '—'}</dd>
        {imageId && (
          <>
            <dt className="text-slate-500 dark:text-slate-400">Image</dt>
            <dd>
              <Link to={paths.image(imageId)} className="font-mono text-sky-800 hover:underline dark:text-sky-300">
                {imageId}
              </Link>
            </dd>
          </>
        )}
        {task.user_id && (
          <>
            <dt className="text-slate-500 dark:text-slate-400">User</dt>
            <dd className="font-mono">{task.user_id}</dd>
          </>
        )}
        {task.request_id && (
          <>
            <dt className="text-slate-500 dark:text-slate-400">Request</dt>
            <dd className="font-mono">{task.request_id}</dd>
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

interface TaskRowProps {
  task: Task;
  expanded: boolean;
  onToggle: (id: string) => void;
}

/** One task; expanding it loads the task itself (input, result and message are not in the list). */
export function TaskRow({ task, expanded, onToggle }: TaskRowProps) {
  // Failures explain themselves in `message`, which only the task itself carries: fetch those too.
  const detail = useQuery({ ...taskQueries.detail(task.id), enabled: expanded || task.status === 'failure' });
  const message = task.message || detail.data?.message;
  const panelId = `task-${task.id}-details`;
  return (
    <>
      <tr className="border-t border-slate-100 align-top hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/40">
        <td className="w-8 px-2 py-1.5">
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={expanded ? panelId : undefined}
            aria-label={`Details of task ${task.id}`}
            onClick={() => onToggle(task.id)}
            className="rounded px-1 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
          >
            <span aria-hidden>{expanded ? '▾' : '▸'}</span>
          </button>
        </td>
        <td className="px-2 py-1.5 font-mono text-xs break-all">{task.id}</td>
        <td className="px-2 py-1.5 whitespace-nowrap">{task.type}</td>
        <td className="px-2 py-1.5">
          <Badge tone={statusTone(task.status)}>{task.status}</Badge>
        </td>
        <td className="px-2 py-1.5 font-mono text-xs text-slate-600 dark:text-slate-400">{task.owner ?? '—'}</td>
        <td className="px-2 py-1.5 whitespace-nowrap">
          <Time value={task.created_at} />
        </td>
        <td className="px-2 py-1.5 whitespace-nowrap">
          <Time value={task.updated_at} />
        </td>
        <td className="px-2 py-1.5 whitespace-nowrap">
          <Time value={task.expires_at} />
        </td>
        <td className="max-w-xs px-2 py-1.5 text-xs text-slate-600 dark:text-slate-400">
          <span className="line-clamp-2">{message || ''}</span>
        </td>
      </tr>
      {expanded && (
        <tr className="bg-slate-50/60 dark:bg-slate-800/30">
          <td id={panelId} colSpan={TASK_COLUMN_COUNT} className="px-4 py-3">
            {detail.isPending && <Spinner label="Loading the task" />}
            {detail.isError && <ErrorPanel error={detail.error} context="Loading the task" onRetry={() => void detail.refetch()} />}
            {detail.data && <Details task={detail.data} />}
          </td>
        </tr>
      )}
    </>
  );
}
