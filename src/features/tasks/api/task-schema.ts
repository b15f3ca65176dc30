import { z } from 'zod';

// Glance tasks (admin-only by default). The list leaves out input, result and message;
// GET /v2/tasks/{id} has them. Task times may come without a zone: they are UTC.
export const TASK_STATUSES = ['pending', 'processing', 'success', 'failure'] as const;

const taskSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  owner: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  expires_at: z.string().nullish(),
  message: z.string().nullish(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskPageSchema = z.looseObject({
  tasks: z.array(taskSchema),
  next: z.string().optional(),
});
export type TaskPage = z.infer<typeof taskPageSchema>;

export const taskDetailSchema = taskSchema.extend({
  input: z.unknown().optional(),
  result: z.unknown().optional(),
  request_id: z.string().nullish(),
  user_id: z.string().nullish(),
  image_id: z.string().nullish(),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;
