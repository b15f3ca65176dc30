export { NamespacePage as Component } from '@/features/metadefs/components/namespace-page';
