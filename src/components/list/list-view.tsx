import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { Pager } from '@/components/ui/pager';
import { EmptyState, ErrorPanel, Spinner } from '@/components/ui/states';
import type { UseQueryResult } from '@tanstack/react-query';
import type { PagerState } from '@/components/ui/pager';

/** What the view reads of a list controller (any list's, whatever its fields and pages). */
export interface ListViewModel<Row> {
  list: Pick<UseQueryResult<unknown>, 'isPending' | 'isError' | 'error' | 'data' | 'refetch' | 'isPlaceholderData' | 'isFetching'>;
  rows: readonly Row[];
  markerGone: boolean;
  markerLost: boolean;
  pager: PagerState | undefined;
  hasFilters: boolean;
}

interface ListViewProps<Row> {
  controller: ListViewModel<Row>;
  /** What is listed ("images", "an image"), for the loading and lost-marker notes; `gone` says how one disappears. */
  noun: { plural: string; one: string; gone?: string };
  /** The empty state's title and what to do next; `filtered` when filters are on. */
  empty: (filtered: boolean) => { title: string; detail: ReactNode };
  /** Errors the page shows in its own way (e.g. a 400 for rejected filters next to the filters). */
  ownsError?: boolean;
  children: (rows: readonly Row[]) => ReactNode;
}

/** Loading, error, empty, the rows (dimmed while the next page loads) and the pager of a list. */
export function ListView<Row>({ controller, noun, empty, ownsError = false, children }: ListViewProps<Row>) {
  const { list, rows, markerGone, markerLost, pager, hasFilters } = controller;
  const emptyText = empty(hasFilters);
  return (
    <>
      {markerLost && (
        <p role="status" className="mb-3 text-sm text-amber-800 dark:text-amber-300">
          Back to the first page: the page you asked for started after {noun.one} that {noun.gone ?? 'no longer exists'}.
        </p>
      )}
      {list.isPending && <Spinner label={`Loading ${noun.plural}`} />}
      {list.isError && !markerGone && !ownsError && <ErrorPanel error={list.error} context={`Loading ${noun.plural}`} onRetry={() => void list.refetch()} />}
      {list.data !== undefined && rows.length === 0 && <EmptyState title={emptyText.title}>{emptyText.detail}</EmptyState>}
      {rows.length > 0 && (
        <div className={cn(list.isPlaceholderData && 'opacity-60 transition-opacity')} aria-busy={list.isFetching}>
          {children(rows)}
        </div>
      )}
      {pager && <Pager {...pager} />}
    </>
  );
}
