import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Pager } from '@/components/ui/pager';
import { cn } from '@/components/ui/cn';
import { PageHeader } from '@/components/ui/page';
import { EmptyState, ErrorPanel, Spinner } from '@/components/ui/states';
import {
  DEFAULT_STATE,
  PAGE_SIZES,
  decodeListState,
  encodeListState,
  hasFilters,
  toGlanceQuery,
  validateListState,
  withChanges,
  type ListState,
  type View,
} from '@/features/images/api/image-list-params';
import { projectNamesQuery } from '@/features/auth';
import type { BulkResult } from '@/features/images/api/image-bulk';
import { imageQueries } from '@/features/images/api/image-queries';
import type { Image } from '@/features/images/api/image-schema';
import { FilterChips, ListFilters, ResetFilters } from '@/features/images/components/list-filters';
import { BulkBar, BulkResults } from '@/features/images/components/list-actions';
import { COLUMNS, ColumnChooser, DEFAULT_COLUMNS, ListTable, type Column } from '@/features/images/components/list-table';
import { isApiError } from '@/lib/api-error';
import { readPref, writePref } from '@/lib/prefs';
import { usePermissions, useSession } from '@/lib/session';
import { nextPage, previousPage } from '@/lib/marker-paging';

const VIEW_LABELS: Record<View, string> = {
  visible: 'Visible to me',
  mine: 'My project',
  shared: 'Shared with me',
  public: 'Public',
  community: 'Community',
  all: 'Everything',
};

const markerLostSchema = z.object({ markerLost: z.literal(true) });

const COLUMNS_PREF = 'image-columns';
const readColumns = () =>
  readPref<Column[]>(COLUMNS_PREF, (raw) => (Array.isArray(raw) ? COLUMNS.filter((column) => raw.includes(column)) : undefined)) ?? DEFAULT_COLUMNS;

/** The image catalogue: every Glance filter, server-side sort and marker paging, all in the URL. */
export function ImagesPage() {
  const session = useSession();
  const { isAdmin, canWrite } = usePermissions();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const state = useMemo(() => decodeListState(search), [search]);
  const errors = useMemo(() => validateListState(state), [state]);
  const query = useMemo(() => toGlanceQuery(state, session.project.id, errors), [state, session.project.id, errors]);
  const list = useQuery(imageQueries.list(query));
  const [columns, setColumns] = useState<Column[]>(readColumns);
  // A selection belongs to one page of one query: it is empty again when the URL changes.
  const [selection, setSelection] = useState<{ key: string; ids: Set<string> }>({ key: '', ids: new Set() });
  const searchKey = search.toString();
  const selected = selection.key === searchKey ? selection.ids : new Set<string>();
  const setSelected = useCallback((ids: Set<string>) => setSelection({ key: searchKey, ids }), [searchKey]);
  const [bulkResults, setBulkResults] = useState<BulkResult[] | null>(null);
  const [showFilters, setShowFilters] = useState(() => hasFilters(state));
  const showOwner = columns.includes('owner') || (isAdmin && state.view === 'all');
  const owners = useQuery({ ...projectNamesQuery(session.user.id, isAdmin), enabled: showOwner });

  const navigate = useCallback((next: ListState) => setSearch(encodeListState(next)), [setSearch]);
  const change = useCallback((changes: Partial<ListState>) => navigate(withChanges(state, changes)), [navigate, state]);

  const images = useMemo(() => {
    const rows = list.data?.images ?? [];
    // Glance's visibility=shared includes the project's own shared images; this view is about others'.
    return state.view === 'shared' ? rows.filter((image) => image.owner !== session.project.id) : rows;
  }, [list.data, state.view, session.project.id]);
  const lastId = list.data?.images.at(-1)?.id;
  const hasNext = Boolean(list.data?.next && lastId);

  // The next page is fetched ahead, so "Next" is instant.
  useEffect(() => {
    if (hasNext && lastId && !list.isPlaceholderData) {
      void queryClient.prefetchQuery(imageQueries.list(toGlanceQuery(nextPage(state, lastId), session.project.id, errors)));
    }
  }, [hasNext, lastId, list.isPlaceholderData, queryClient, state, session.project.id, errors]);

  // A marker that no longer exists (the image was deleted) is a 400: go back to the first page,
  // replacing the broken URL so Back does not return to it, and say why.
  // The note travels in the history entry's state, so it goes away with the next navigation.
  useEffect(() => {
    if (state.marker && isApiError(list.error) && list.error.status === 400) {
      setSearch(encodeListState({ ...state, marker: '', trail: [] }), { replace: true, state: { markerLost: true } });
    }
  }, [list.error, state, setSearch]);
  const markerLost = markerLostSchema.safeParse(location.state).success;

  const canManage = useCallback((image: Image) => canWrite && (isAdmin || image.owner === session.project.id), [canWrite, isAdmin, session.project.id]);
  // Readers may not download; a deactivated image's data is for admins only.
  const canDownload = useCallback((image: Image) => canWrite && (image.status === 'active' || (image.status === 'deactivated' && isAdmin)), [canWrite, isAdmin]);
  const ownerName = useCallback(
    (id: string | null) => (id ? (owners.data?.get(id) ?? id) : '—'),
    [owners.data],
  );
  const queryRejected = isApiError(list.error) && list.error.status === 400 && !state.marker;
  const views = (Object.keys(VIEW_LABELS) as View[]).map((view) => ({ view, label: view === 'all' && isAdmin ? 'All projects' : VIEW_LABELS[view] }));
  const tableColumns = showOwner && !columns.includes('owner') ? [...columns, 'owner' as const] : columns;
  const selectedImages = images.filter((image) => selected.has(image.id));

  return (
    <>
      <PageHeader
        title="Images"
        actions={
          <>
            <label className="inline-flex items-center gap-1.5 text-xs">
              <input type="checkbox" checked={state.hidden} onChange={(event) => change({ hidden: event.target.checked })} />
              Only hidden images
            </label>
            <ColumnChooser
              columns={columns}
              onChange={(next) => {
                setColumns(next);
                writePref(COLUMNS_PREF, next);
              }}
            />
          </>
        }
      >
        {state.hidden ? 'Hidden images only (Glance lists hidden or visible ones, never both).' : 'Hidden images are left out.'}
      </PageHeader>

      <nav aria-label="Image views" className="mb-3 flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
        {views.map(({ view, label }) => (
          <button
            key={view}
            type="button"
            aria-current={state.view === view ? 'page' : undefined}
            onClick={() => change({ view })}
            className={cn(
              '-mb-px border-b-2 px-3 py-1.5 text-sm',
              state.view === view ? 'border-sky-600 font-medium text-sky-800 dark:text-sky-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400',
            )}
          >
            {label}
          </button>
        ))}
      </nav>

      <section aria-label="Filters" className="mb-3 space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" aria-expanded={showFilters} onClick={() => setShowFilters(!showFilters)}>
            Filters
          </Button>
          <FilterChips state={state} onChange={change} />
          {hasFilters(state) && <ResetFilters onReset={() => navigate({ ...DEFAULT_STATE, view: state.view, limit: state.limit, sort: state.sort })} />}
        </div>
        {showFilters && (
          <div className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
            <ListFilters state={state} errors={errors} onChange={change} />
          </div>
        )}
        {markerLost && (
          <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
            Back to the first page: the page you asked for started after an image that no longer exists.
          </p>
        )}
        {queryRejected && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Glance rejected these filters: {list.error?.message}
          </p>
        )}
      </section>

      {canWrite && selectedImages.length > 0 && (
        <div className="mb-3">
          <BulkBar
            images={selectedImages}
            onFinished={(results) => {
              setSelected(new Set());
              setBulkResults(results);
            }}
          />
        </div>
      )}
      <BulkResults results={bulkResults} onClose={() => setBulkResults(null)} />

      {list.isPending && <Spinner label="Loading images" />}
      {list.isError && !queryRejected && !state.marker && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && images.length === 0 && (
        <EmptyState title="No images match">{hasFilters(state) ? 'Remove a filter or reset them.' : 'Nothing in this view yet.'}</EmptyState>
      )}
      {images.length > 0 && (
        <div className={cn(list.isPlaceholderData && 'opacity-60 transition-opacity')} aria-busy={list.isFetching}>
          <ListTable
            images={images}
            columns={tableColumns}
            sort={state.sort}
            onSort={(sort) => change({ sort })}
            selected={selected}
            onSelect={setSelected}
            ownerName={ownerName}
            canManage={canManage}
            canDownload={canDownload}
          />
        </div>
      )}

      <Pager
        position={state}
        canNext={hasNext && !list.isPlaceholderData}
        onPrevious={() => navigate(previousPage(state))}
        onNext={() => lastId && navigate(nextPage(state, lastId))}
        pageSize={state.limit}
        pageSizes={PAGE_SIZES}
        onPageSize={(limit) => change({ limit })}
      />
    </>
  );
}
