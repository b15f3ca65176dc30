import type { Namespace } from '@/features/metadefs/api/metadef-schema';
import type { MetadefAccess } from '@/features/metadefs/components/use-metadef-access';

/** What every tab of a namespace's page gets: the namespace as loaded, and what the user may change. */
export interface NamespaceTabProps {
  namespace: Namespace;
  access: MetadefAccess;
}
