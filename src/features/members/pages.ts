// The members feature's pages for the router (src/app/router.tsx), each loaded on demand into
// its own chunk, and the navigation's pending badge, loaded the same way so the shell does not
// pull the members feature (dialogs, tables) into the first page. Only dynamic imports here,
// so importing this file costs the first page nothing.
export const loadSharedWithMePage = () => import('@/features/members/components/shared-with-me-page').then((module) => module.SharedWithMePage);
export const loadPendingSharesBadge = () => import('@/features/members/components/pending-shares-badge').then((module) => module.PendingSharesBadge);
