import { useQuery } from '@tanstack/react-query';
import { glancePages } from '@/components/list/glance-pages';
import { ListView } from '@/components/list/list-view';
import { useListController } from '@/components/list/use-list-controller';
import { Button } from '@/components/ui/button';
import { DataTable, primaryColumn, type DataColumn } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page';
import { SelectField } from '@/components/ui/select-field';
import { Badge } from '@/components/ui/states';
import { Truncated, TruncatedLink } from '@/components/ui/truncated';
import { paths } from '@/config/paths';
import type { Namespace, NamespacePage } from '@/features/metadefs/api/metadef-schema';
import { metadefQueries } from '@/features/metadefs/api/metadef-queries';
import { VISIBILITIES, namespaceListParams, toNamespaceQuery, type NamespaceListState } from '@/features/metadefs/api/namespace-list-params';

function Associations({ namespace }: { namespace: Namespace }) {
  const associations = namespace.resource_type_associations ?? [];
  if (associations.length === 0) return <span className="text-xs text-slate-500 dark:text-slate-400">none</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {associations.map((association) => (
        <li key={association.name} className="flex min-w-0 items-center gap-1.5">
          <Truncated text={association.name} />
          {association.prefix && (
            <span className="shrink-0 rounded bg-slate-100 px-1 font-mono text-slate-700 dark:bg-slate-800 dark:text-slate-300" title="Key prefix">
              {association.prefix}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

const columns: DataColumn<Namespace>[] = [
  primaryColumn('namespace', 'Namespace', (namespace) => (
    <>
      <TruncatedLink to={paths.metadefNamespace(namespace.namespace)} text={namespace.display_name || namespace.namespace} />
      <Truncated text={namespace.namespace} className="font-mono text-xs text-slate-500 dark:text-slate-400" />
    </>
  )),
  {
    id: 'description',
    header: 'Description',
    minWidth: 160,
    priority: 2,
    wrap: true,
    cell: (namespace) => (
      <p className="line-clamp-2 text-xs text-slate-600 dark:text-slate-400" title={namespace.description ?? undefined}>
        {namespace.description || '—'}
      </p>
    ),
  },
  { id: 'types', header: 'Resource types (key prefix)', width: 260, priority: 1, cell: (namespace) => <Associations namespace={namespace} /> },
  {
    id: 'access',
    header: 'Access',
    width: 150,
    priority: 0,
    cell: (namespace) => (
      <span className="flex flex-wrap gap-1">
        {namespace.visibility && <Badge tone={namespace.visibility === 'public' ? 'info' : 'neutral'}>{namespace.visibility}</Badge>}
        {namespace.protected && <Badge tone="warn">protected</Badge>}
      </span>
    ),
  },
];

const listOptions = {
  params: namespaceListParams,
  query: (state: NamespaceListState) => metadefQueries.namespaceList(toNamespaceQuery(state)),
  ...glancePages((page: NamespacePage) => page.namespaces, (namespace) => namespace.namespace),
  // Glance answers 404 for a marker naming a namespace that is gone.
  markerLostStatus: 404,
};

/** Metadefs namespaces, filtered by resource type and visibility, paged by name. */
export function NamespacesPage() {
  const controller = useListController(listOptions);
  const { state, change } = controller;
  const types = useQuery(metadefQueries.resourceTypes());
  const typeOptions = types.data ?? [];

  return (
    <>
      <PageHeader title="Metadata definitions">Namespaces of properties, objects and tags that describe images, flavors, volumes and servers.</PageHeader>

      <section aria-label="Filters" className="mb-3 flex flex-wrap items-end gap-3">
        <SelectField
          label="Resource type"
          className="w-56"
          value={state.resourceType}
          // A type named in the URL stays selectable while the list of types loads (or if it fails).
          options={state.resourceType && !typeOptions.includes(state.resourceType) ? [state.resourceType, ...typeOptions] : typeOptions}
          anyLabel="All resource types"
          onChange={(resourceType) => change({ resourceType })}
        />
        <SelectField label="Visibility" className="w-40" value={state.visibility} options={VISIBILITIES} anyLabel="Any" onChange={(visibility) => change({ visibility })} />
        {controller.hasFilters && (
          <Button size="sm" variant="ghost" onClick={controller.clearFilters}>
            Clear filters
          </Button>
        )}
        {types.isError && <p className="text-xs text-amber-800 dark:text-amber-300">The resource types could not be loaded; reload the page to filter by them.</p>}
      </section>

      <ListView
        controller={controller}
        noun={{ plural: 'namespaces', one: 'a namespace' }}
        empty={(filtered) => ({
          title: 'No namespaces',
          detail: filtered ? 'No namespace matches these filters: clear them to see every namespace.' : 'This cloud has no metadata definitions your project can see.',
        })}
      >
        {(rows) => <DataTable caption="Namespaces" rows={rows} rowKey={(namespace) => namespace.namespace} columns={columns} alignTop />}
      </ListView>
    </>
  );
}
