import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/ui/page';
import { Badge, ErrorPanel, Spinner } from '@/components/ui/states';
import { paths } from '@/config/paths';
import { metadefQueries, type MetadefProperty } from '@/features/metadefs/api/metadefs-api';

function constraints(property: MetadefProperty): string {
  const parts: string[] = [];
  const values = property.enum ?? property.items?.enum;
  if (values?.length) parts.push(`one of: ${values.map(String).join(', ')}`);
  if (property.minimum !== null && property.minimum !== undefined) parts.push(`min ${property.minimum}`);
  if (property.maximum !== null && property.maximum !== undefined) parts.push(`max ${property.maximum}`);
  if (property.pattern) parts.push(`pattern ${property.pattern}`);
  return parts.join('; ');
}

function PropertyTable({ caption, properties }: { caption: string; properties: Record<string, MetadefProperty> }) {
  const rows = Object.entries(properties).sort(([a], [b]) => a.localeCompare(b));
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left text-sm font-semibold">{caption}</caption>
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-2 font-medium">Name</th>
          <th scope="col" className="py-1 pr-2 font-medium">Title</th>
          <th scope="col" className="py-1 pr-2 font-medium">Type</th>
          <th scope="col" className="py-1 font-medium">Values and description</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, property]) => (
          <tr key={name} className="border-t border-slate-100 align-top dark:border-slate-800">
            <td className="py-1 pr-2 font-mono text-xs">{name}</td>
            <td className="py-1 pr-2">{property.title ?? ''}</td>
            <td className="py-1 pr-2">{property.type ?? ''}</td>
            <td className="py-1 text-xs">
              {constraints(property) && <p className="font-medium">{constraints(property)}</p>}
              {property.description && <p className="text-slate-600 dark:text-slate-400">{property.description}</p>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NamespacePage() {
  const { namespace = '' } = useParams();
  const detail = useQuery(metadefQueries.namespace(namespace));
  if (detail.isPending) return <Spinner label="Loading namespace" />;
  if (detail.isError) return <ErrorPanel error={detail.error} context={`Namespace ${namespace}`} onRetry={() => void detail.refetch()} />;
  const ns = detail.data;
  return (
    <>
      <PageHeader title={ns.display_name || ns.namespace}>
        <span className="font-mono">{ns.namespace}</span> · <Link to={paths.metadefs} className="underline">all namespaces</Link>
      </PageHeader>
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex flex-wrap gap-2">
          {ns.visibility && <Badge tone="info">{ns.visibility}</Badge>}
          {ns.protected && <Badge>protected</Badge>}
        </div>
        {ns.description && <p className="text-sm">{ns.description}</p>}
        {ns.resource_type_associations && ns.resource_type_associations.length > 0 && (
          <p className="text-sm">
            Applies to:{' '}
            {ns.resource_type_associations.map((rt) => `${rt.name}${rt.prefix ? ` (prefix ${rt.prefix})` : ''}`).join(', ')}
          </p>
        )}
        {ns.properties && Object.keys(ns.properties).length > 0 && <PropertyTable caption="Properties" properties={ns.properties} />}
        {ns.objects?.map((object) => (
          <PropertyTable key={object.name} caption={`Object: ${object.name}`} properties={object.properties ?? {}} />
        ))}
        {ns.tags && ns.tags.length > 0 && <p className="text-sm">Tags: {ns.tags.map((tag) => tag.name).join(', ')}</p>}
      </div>
    </>
  );
}
