// The tasks feature's public entry point: what src/app/ and other features may use.
export { taskDetailSchema, type TaskDetail } from '@/features/tasks/api/task-schema';
