import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
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
import { projectNamesQuery } from '@/features/auth';
import type { Namespace, NamespacePage } from '@/features/metadefs/api/metadef-schema';
import { metadefQueries } from '@/features/metadefs/api/metadef-queries';
import {
  NAMESPACE_SORT_KEYS,
  NAMESPACE_SORT_OPTIONS,
  VISIBILITIES,
  namespaceListParams,
  nextNamespaceSort,
  parseNamespaceSort,
  sortValue,
  toNamespaceQuery,
  type NamespaceListState,
} from '@/features/metadefs/api/namespace-list-params';
import { useMetadefAccess } from '@/features/metadefs/components/use-metadef-access';
import { formatAbsolute, formatRelative } from '@/lib/format';
import { usePermissions, useSession } from '@/lib/session';

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

function Time({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-xs text-slate-500 dark:text-slate-400">—</span>;
  return (
    <time dateTime={value} title={formatAbsolute(value)} className="text-xs">
      {formatRelative(value)}
    </time>
  );
}

/** The table's columns; owners show as project names where this user may look them up. */
const namespaceColumns = (ownerName: (id: string) => string): DataColumn<Namespace>[] => [
  primaryColumn(
    'namespace',
    'Namespace',
    (namespace) => (
      <>
        <TruncatedLink to={paths.metadefNamespace(namespace.namespace)} text={namespace.display_name || namespace.namespace} />
        <Truncated text={namespace.namespace} className="font-mono text-xs text-slate-500 dark:text-slate-400" />
      </>
    ),
    'namespace',
  ),
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
  {
    id: 'owner',
    header: 'Owner',
    width: 140,
    priority: 3,
    cell: (namespace) => (namespace.owner ? <Truncated text={ownerName(namespace.owner)} className="text-xs" /> : <Time value={undefined} />),
  },
  { id: 'created', header: 'Created', sortKey: 'created_at', width: 110, priority: 5, cell: (namespace) => <Time value={namespace.created_at} /> },
  { id: 'updated', header: 'Updated', sortKey: 'updated_at', width: 110, priority: 4, cell: (namespace) => <Time value={namespace.updated_at} /> },
];

const listOptions = {
  params: namespaceListParams,
  query: (state: NamespaceListState) => metadefQueries.namespaceList(toNamespaceQuery(state)),
  ...glancePages((page: NamespacePage) => page.namespaces, (namespace) => namespace.namespace),
  // Glance answers 404 for a marker naming a namespace that is gone.
  markerLostStatus: 404,
};

/** Metadefs namespaces, filtered by resource type and visibility, sorted by name or date, paged by marker. */
export function NamespacesPage() {
  const controller = useListController(listOptions);
  const { state, change } = controller;
  const types = useQuery(metadefQueries.resourceTypes());
  const typeOptions = types.data ?? [];
  const { canEdit } = useMetadefAccess(undefined);
  const { isAdmin } = usePermissions();
  const owners = useQuery(projectNamesQuery(useSession().user.id, isAdmin));
  const columns = useMemo(() => namespaceColumns((id) => owners.data?.get(id) ?? id), [owners.data]);
  const sort = useMemo(
    () => ({
      terms: [state.sort],
      onSort: (key: string) => {
        const known = NAMESPACE_SORT_KEYS.find((candidate) => candidate === key);
        if (known) change({ sort: nextNamespaceSort(state.sort, known) });
      },
    }),
    [state.sort, change],
  );

  return (
    <>
      <PageHeader
        title="Metadata definitions"
        actions={
          canEdit ? (
            <Link to={paths.metadefCreate} className="inline-flex items-center rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">
              Create namespace
            </Link>
          ) : undefined
        }
      >
        Namespaces of properties, objects and tags that describe images, flavors, volumes and servers.
      </PageHeader>

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
        <SelectField
          label="Sort by"
          className="w-52"
          value={sortValue(state.sort)}
          options={NAMESPACE_SORT_OPTIONS}
          onChange={(value) => change({ sort: parseNamespaceSort(value) })}
        />
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
        {(rows) => <DataTable caption="Namespaces" rows={rows} rowKey={(namespace) => namespace.namespace} columns={columns} sort={sort} alignTop />}
      </ListView>
    </>
  );
}
