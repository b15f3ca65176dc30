import { useQuery } from '@tanstack/react-query';
import { ErrorPanel, Spinner } from '@/components/ui/states';
import { metadefQueries } from '@/features/metadefs/api/metadef-queries';
import { PropertyTable } from '@/features/metadefs/components/property-table';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';

/** The namespace's objects, each with its properties (keys shown with the namespace's first prefix). */
export function ObjectsTab({ namespace, prefix }: NamespaceTabProps & { prefix: string | undefined }) {
  const objects = useQuery(metadefQueries.objects(namespace.namespace));
  if (objects.isPending) return <Spinner label="Loading objects" />;
  if (objects.isError) return <ErrorPanel error={objects.error} context="Loading objects" onRetry={() => void objects.refetch()} />;
  if (objects.data.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No objects.</p>;
  return (
    <div className="space-y-4">
      {[...objects.data]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((object) => (
          <section key={object.name} aria-label={`Object ${object.name}`} className="space-y-1">
            <h3 className="text-sm font-medium">{object.name}</h3>
            {object.description && <p className="text-xs whitespace-pre-line text-slate-600 dark:text-slate-400">{object.description}</p>}
            <PropertyTable caption={`Properties of ${object.name}`} properties={object.properties} prefix={prefix} required={object.required} />
          </section>
        ))}
    </div>
  );
}
