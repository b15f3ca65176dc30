export { ImagesPage as Component } from '@/features/images/components/images-page';
