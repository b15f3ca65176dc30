// The tasks feature's pages for the router (src/app/router.tsx), each loaded on demand into
// its own chunk. Only dynamic imports here, so importing this file costs the first page nothing.
export const loadTasksPage = () => import('@/features/tasks/components/tasks-page').then((module) => module.TasksPage);
