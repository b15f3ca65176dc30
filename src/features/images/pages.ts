// The images feature's pages for the router (src/app/router.tsx), each loaded on demand into
// its own chunk. Only dynamic imports here, so importing this file costs the first page nothing.
export const loadImagesPage = () => import('@/features/images/components/images-page').then((module) => module.ImagesPage);
export const loadImageDetailPage = () => import('@/features/images/components/detail-page').then((module) => module.ImageDetailPage);
