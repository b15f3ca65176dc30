export { NamespacesPage as Component } from '@/features/metadefs/components/namespaces-page';
