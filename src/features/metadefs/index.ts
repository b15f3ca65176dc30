// The metadefs feature's public entry point: what src/app/ and other features may use.
export { metadefQueries } from '@/features/metadefs/api/metadef-queries';
export type { CatalogueNamespace, CatalogueProperty } from '@/features/metadefs/api/metadef-schema';
