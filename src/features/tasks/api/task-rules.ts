import type { Task, TaskDetail } from '@/features/tasks/api/task-schema';

import type { BadgeTone } from '@/components/ui/states';

const TONES: Record<string, BadgeTone> = { pending: 'neutral', processing: 'info', success: 'good', failure: 'bad' };

export function statusTone(status: string): BadgeTone {
  return TONES[status] ?? 'neutral';
}

/** A task still on its way: the list refreshes while one is shown. */
export function isLive(task: Pick<Task, 'status'>): boolean {
  return task.status === 'pending' || task.status === 'processing';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The image a task made or worked on: result.image_id (import), else the task's image_id. */
export function taskImageId(task: TaskDetail): string | undefined {
  if (isRecord(task.result) && typeof task.result.image_id === 'string') return task.result.image_id;
  if (isRecord(task.input) && typeof task.input.image_id === 'string') return task.input.image_id;
  return task.image_id ?? undefined;
}

/** JSON for a <pre>: absent and null read as such rather than as an empty box. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return '(none)';
  return JSON.stringify(value, null, 2);
}
