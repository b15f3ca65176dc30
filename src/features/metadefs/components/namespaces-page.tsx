import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page';
import { Badge, EmptyState, ErrorPanel, Spinner } from '@/components/ui/states';
import { paths } from '@/config/paths';
import { metadefQueries } from '@/features/metadefs/api/metadefs-api';

export function NamespacesPage() {
  const [search, setSearch] = useSearchParams();
  const resourceType = search.get('resource_type') ?? undefined;
  const marker = search.get('marker') ?? undefined;
  const list = useQuery(metadefQueries.namespaces({ resourceType, marker }));
  const types = useQuery(metadefQueries.resourceTypes());
  const last = list.data?.namespaces.at(-1)?.namespace;
  return (
    <>
      <PageHeader title="Metadata definitions">Namespaces of properties, objects and tags that describe images, flavors and volumes.</PageHeader>
      <div className="mb-3 max-w-xs">
        <Field label="Resource type">
          <select
            className={inputClass}
            value={resourceType ?? ''}
            onChange={(event) => setSearch(event.target.value ? { resource_type: event.target.value } : {})}
          >
            <option value="">All resource types</option>
            {(types.data ?? (resourceType ? [resourceType] : [])).map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </Field>
      </div>
      {list.isPending && <Spinner label="Loading namespaces" />}
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.namespaces.length === 0 && <EmptyState title="No namespaces">No namespace matches this resource type.</EmptyState>}
      {list.data && list.data.namespaces.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {list.data.namespaces.map((ns) => (
            <li key={ns.namespace} className="p-3">
              <div className="flex flex-wrap items-baseline gap-2">
                <Link to={paths.metadefNamespace(ns.namespace)} className="font-medium text-sky-800 hover:underline dark:text-sky-300">
                  {ns.display_name || ns.namespace}
                </Link>
                <span className="font-mono text-xs text-slate-500">{ns.namespace}</span>
                {ns.protected && <Badge>protected</Badge>}
                {ns.visibility && <Badge tone={ns.visibility === 'public' ? 'info' : 'neutral'}>{ns.visibility}</Badge>}
              </div>
              {ns.description && <p className="mt-0.5 line-clamp-2 text-xs text-slate-600 dark:text-slate-400">{ns.description}</p>}
              {ns.resource_type_associations && ns.resource_type_associations.length > 0 && (
                <p className="mt-1 text-xs text-slate-500">
                  {ns.resource_type_associations.map((rt) => `${rt.name}${rt.prefix ? ` (prefix ${rt.prefix})` : ''}`).join(' · ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex gap-2">
        {marker && (
          <Button size="sm" onClick={() => setSearch(resourceType ? { resource_type: resourceType } : {})}>
            First page
          </Button>
        )}
        {list.data?.next && last && (
          <Button size="sm" onClick={() => setSearch({ ...(resourceType ? { resource_type: resourceType } : {}), marker: last })}>
            Next page
          </Button>
        )}
      </div>
    </>
  );
}
