import { useQuery, useQueryClient, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { ListParams, ListState } from '@/components/list/list-params';
import type { PagerState } from '@/components/ui/pager';
import { isApiError } from '@/lib/api-error';
import { nextPage, previousPage } from '@/lib/marker-paging';

// One controller for every list page: it reads the list's state from the URL, runs the query
// for it, pages with markers (fetching the next page ahead), recovers from a marker that no
// longer exists, and tells the view what to show. Pages keep only what is theirs: filters,
// columns and row actions.

export type ListQueryOptions<Page, Key extends QueryKey = QueryKey> = UseQueryOptions<Page, Error, Page, Key>;

export interface ListControllerOptions<Fields, Page, Row, Key extends QueryKey = QueryKey> {
  params: ListParams<Fields>;
  /** The query for a state; its key must follow the state (the parsed params are the key). */
  query: (state: ListState<Fields>) => ListQueryOptions<Page, Key>;
  /** The rows a page shows (a page may drop some on the client). */
  rows: (page: Page, state: ListState<Fields>) => readonly Row[];
  /** The marker of the next page: the last row of this one, as Glance names it. */
  markerOf?: (page: Page) => string | undefined;
  /** Whether Glance says there is a next page. */
  hasNext?: (page: Page) => boolean;
  /** Glance answers 400 (images, tasks) or 404 (metadefs) for a marker that is gone. */
  markerLostStatus?: number;
  /** Fetch the next page ahead so "Next" is instant. */
  prefetchNext?: boolean;
}

const markerLostSchema = z.object({ markerLost: z.literal(true) });

export function useListController<Fields, Page, Row, Key extends QueryKey = QueryKey>(options: ListControllerOptions<Fields, Page, Row, Key>) {
  const { params, query, rows: rowsOf, markerOf, hasNext: hasNextOf, markerLostStatus = 400, prefetchNext = false } = options;
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const state = useMemo(() => params.decode(search), [params, search]);
  const list = useQuery(query(state));

  const navigate = useCallback((next: ListState<Fields>) => setSearch(params.encode(next)), [params, setSearch]);
  const change = useCallback((changes: Partial<Fields & { limit: number }>) => navigate(params.change(state, changes)), [navigate, params, state]);
  const clearFilters = useCallback(() => navigate(params.clearFilters(state)), [navigate, params, state]);

  const page = list.data;
  const rows = useMemo(() => (page ? rowsOf(page, state) : []), [page, rowsOf, state]);
  const nextMarker = page && markerOf ? markerOf(page) : undefined;
  const hasNext = Boolean(page && nextMarker && (hasNextOf ? hasNextOf(page) : true));

  useEffect(() => {
    if (prefetchNext && hasNext && nextMarker && !list.isPlaceholderData) void queryClient.prefetchQuery(query(nextPage(state, nextMarker)));
  }, [prefetchNext, hasNext, nextMarker, list.isPlaceholderData, queryClient, query, state]);

  // A marker naming an item that is gone: back to the first page, replacing the broken URL so
  // Back does not return to it. The note rides in the history entry, so the next navigation drops it.
  const markerGone = Boolean(state.marker) && isApiError(list.error) && list.error.status === markerLostStatus;
  useEffect(() => {
    if (markerGone) setSearch(params.encode({ ...state, marker: '', trail: [] }), { replace: true, state: { markerLost: true } });
  }, [markerGone, params, state, setSearch]);
  const markerLost = markerLostSchema.safeParse(location.state).success;

  const pager: PagerState | undefined = params.paged
    ? {
        position: state,
        canNext: hasNext && !list.isPlaceholderData,
        onPrevious: () => navigate(previousPage(state)),
        onNext: () => nextMarker && navigate(nextPage(state, nextMarker)),
        pageSize: state.limit,
        pageSizes: params.pageSizes,
        onPageSize: (limit) => change({ limit } as Partial<Fields & { limit: number }>),
      }
    : undefined;

  return {
    state,
    list,
    rows,
    navigate,
    change,
    clearFilters,
    hasFilters: params.hasFilters(state),
    /** The URL's marker is gone and the controller is taking the user back to page one. */
    markerGone,
    /** This page is page one because the marker asked for was gone. */
    markerLost,
    pager,
    /** A string that changes whenever the list shows something else (selection resets on it). */
    viewKey: search.toString(),
  };
}

export type ListController<Fields, Page, Row> = ReturnType<typeof useListController<Fields, Page, Row>>;
