// The members feature's pages for the router (src/app/router.tsx), each loaded on demand into
// its own chunk. Only dynamic imports here, so importing this file costs the first page nothing.
export const loadSharedWithMePage = () => import('@/features/members/components/shared-with-me-page').then((module) => module.SharedWithMePage);
