import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Pager } from '@/components/ui/pager';
import { cn } from '@/components/ui/cn';
import { Field, inputClass } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page';
import { Badge, EmptyState, ErrorPanel, Spinner } from '@/components/ui/states';
import { paths } from '@/config/paths';
import type { Namespace } from '@/features/metadefs/api/metadef-schema';
import { metadefQueries } from '@/features/metadefs/api/metadef-queries';
import {
  DEFAULT_NAMESPACE_LIST,
  NAMESPACE_PAGE_SIZES,
  VISIBILITIES,
  decodeNamespaceList,
  encodeNamespaceList,
  toNamespaceQuery,
  withNamespaceFilters,
  type NamespaceListState,
} from '@/features/metadefs/api/namespace-list-params';
import { isApiError } from '@/lib/api-error';
import { nextPage, previousPage } from '@/lib/marker-paging';

const markerLostSchema = z.object({ markerLost: z.literal(true) });

function Associations({ namespace }: { namespace: Namespace }) {
  const associations = namespace.resource_type_associations ?? [];
  if (associations.length === 0) return <span className="text-xs text-slate-500 dark:text-slate-400">none</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {associations.map((association) => (
        <li key={association.name} className="whitespace-nowrap">
          {association.name}
          {association.prefix && (
            <span className="ml-1.5 rounded bg-slate-100 px-1 font-mono text-slate-700 dark:bg-slate-800 dark:text-slate-300" title="Key prefix">
              {association.prefix}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Metadefs namespaces, filtered by resource type and visibility, paged by name. */
export function NamespacesPage() {
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const state = useMemo(() => decodeNamespaceList(search), [search]);
  const list = useQuery(metadefQueries.namespaceList(toNamespaceQuery(state)));
  const types = useQuery(metadefQueries.resourceTypes());
  const navigate = useCallback((next: NamespaceListState) => setSearch(encodeNamespaceList(next)), [setSearch]);
  const change = (changes: Partial<Omit<NamespaceListState, 'marker' | 'trail'>>) => navigate(withNamespaceFilters(state, changes));

  // A marker naming a namespace that is gone answers 404: back to the first page, saying why.
  useEffect(() => {
    if (state.marker && isApiError(list.error) && list.error.status === 404) {
      setSearch(encodeNamespaceList({ ...state, marker: '', trail: [] }), { replace: true, state: { markerLost: true } });
    }
  }, [list.error, state, setSearch]);
  const markerLost = markerLostSchema.safeParse(location.state).success;

  const namespaces = list.data?.namespaces ?? [];
  const last = namespaces.at(-1)?.namespace;
  const hasNext = Boolean(list.data?.next && last);
  const typeOptions = types.data ?? [];
  const filtered = state.resourceType !== '' || state.visibility !== '';

  return (
    <>
      <PageHeader title="Metadata definitions">
        Namespaces of properties, objects and tags that describe images, flavors, volumes and servers.
      </PageHeader>

      <section aria-label="Filters" className="mb-3 flex flex-wrap items-end gap-3">
        <Field label="Resource type" className="w-56">
          <select className={inputClass} value={state.resourceType} onChange={(event) => change({ resourceType: event.target.value })}>
            <option value="">All resource types</option>
            {state.resourceType && !typeOptions.includes(state.resourceType) && <option value={state.resourceType}>{state.resourceType}</option>}
            {typeOptions.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Visibility" className="w-40">
          <select
            className={inputClass}
            value={state.visibility}
            onChange={(event) => change({ visibility: VISIBILITIES.find((value) => value === event.target.value) ?? '' })}
          >
            <option value="">Any</option>
            {VISIBILITIES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </Field>
        {filtered && (
          <Button size="sm" variant="ghost" onClick={() => navigate({ ...DEFAULT_NAMESPACE_LIST, limit: state.limit })}>
            Clear filters
          </Button>
        )}
        {types.isError && <p className="text-xs text-amber-800 dark:text-amber-300">The resource types could not be loaded; reload the page to filter by them.</p>}
      </section>
      {markerLost && (
        <p role="status" className="mb-3 text-sm text-amber-800 dark:text-amber-300">
          Back to the first page: the page you asked for started after a namespace that no longer exists.
        </p>
      )}

      {list.isPending && <Spinner label="Loading namespaces" />}
      {list.isError && !(state.marker && isApiError(list.error) && list.error.status === 404) && (
        <ErrorPanel error={list.error} context="Loading namespaces" onRetry={() => void list.refetch()} />
      )}
      {list.data && namespaces.length === 0 && (
        <EmptyState title="No namespaces">
          {filtered ? 'No namespace matches these filters: clear them to see every namespace.' : 'This cloud has no metadata definitions your project can see.'}
        </EmptyState>
      )}
      {namespaces.length > 0 && (
        <div
          className={cn('overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900', list.isPlaceholderData && 'opacity-60 transition-opacity')}
          aria-busy={list.isFetching}
        >
          <table className="w-full text-sm">
            <caption className="sr-only">Namespaces</caption>
            <thead className="bg-slate-50 text-left text-xs text-slate-500 dark:bg-slate-800/50 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Namespace
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Description
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Resource types (key prefix)
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Access
                </th>
              </tr>
            </thead>
            <tbody>
              {namespaces.map((namespace) => (
                <tr key={namespace.namespace} className="border-t border-slate-100 align-top hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/40">
                  <td className="px-2 py-1.5">
                    <Link to={paths.metadefNamespace(namespace.namespace)} className="font-medium text-sky-800 hover:underline dark:text-sky-300">
                      {namespace.display_name || namespace.namespace}
                    </Link>
                    <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">{namespace.namespace}</span>
                  </td>
                  <td className="max-w-md px-2 py-1.5 text-xs text-slate-600 dark:text-slate-400">
                    <p className="line-clamp-2" title={namespace.description ?? undefined}>
                      {namespace.description || '—'}
                    </p>
                  </td>
                  <td className="px-2 py-1.5">
                    <Associations namespace={namespace} />
                  </td>
                  <td className="px-2 py-1.5">
                    <span className="flex flex-wrap gap-1">
                      {namespace.visibility && <Badge tone={namespace.visibility === 'public' ? 'info' : 'neutral'}>{namespace.visibility}</Badge>}
                      {namespace.protected && <Badge tone="warn">protected</Badge>}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pager
        position={state}
        canNext={hasNext && !list.isPlaceholderData}
        onPrevious={() => navigate(previousPage(state))}
        onNext={() => last && navigate(nextPage(state, last))}
        pageSize={state.limit}
        pageSizes={NAMESPACE_PAGE_SIZES}
        onPageSize={(limit) => change({ limit })}
      />
    </>
  );
}
