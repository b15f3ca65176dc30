// The metadefs feature's pages for the router (src/app/router.tsx), each loaded on demand into
// its own chunk. Only dynamic imports here, so importing this file costs the first page nothing.
export const loadNamespacesPage = () => import('@/features/metadefs/components/namespaces-page').then((module) => module.NamespacesPage);
export const loadNamespacePage = () => import('@/features/metadefs/components/namespace-page').then((module) => module.NamespacePage);
export const loadNamespaceCreatePage = () => import('@/features/metadefs/components/namespace-create-page').then((module) => module.NamespaceCreatePage);
