// The tasks feature's public entry point: what src/app/ and other features may use.
export { taskDetailSchema } from '@/features/tasks/api/task-schema';
export { statusTone as taskStatusTone } from '@/features/tasks/api/task-rules';
