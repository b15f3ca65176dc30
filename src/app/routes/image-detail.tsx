export { ImageDetailPage as Component } from '@/features/images/components/detail-page';
