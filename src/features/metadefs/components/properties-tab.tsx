import { useQuery } from '@tanstack/react-query';
import { ErrorPanel, Spinner } from '@/components/ui/states';
import { metadefQueries } from '@/features/metadefs/api/metadef-queries';
import { PropertyTable } from '@/features/metadefs/components/property-table';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';

/** The namespace's own properties (keys shown with the prefix of the picked resource type). */
export function PropertiesTab({ namespace, prefix }: NamespaceTabProps & { prefix: string | undefined }) {
  const properties = useQuery(metadefQueries.properties(namespace.namespace));
  if (properties.isPending) return <Spinner label="Loading properties" />;
  if (properties.isError) return <ErrorPanel error={properties.error} context="Loading properties" onRetry={() => void properties.refetch()} />;
  return <PropertyTable caption="Properties" properties={properties.data} prefix={prefix} />;
}
