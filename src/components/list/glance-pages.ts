import { keepPreviousData } from '@tanstack/react-query';
import type { z } from 'zod';
import { glance } from '@/lib/glance';
import type { QueryParams } from '@/lib/http';

// What every Glance list shares: a page is fetched by query (the query is part of the key),
// the previous page stays on screen while the next loads, the marker of the next page is the
// last row's own name for itself, and `next` says there is more.

/** The options of one page of a Glance list; spread into queryOptions and add what is the list's own. */
export function glanceListPage<Schema extends z.ZodType, Key extends readonly unknown[]>(queryKey: Key, path: string, schema: Schema, query: QueryParams) {
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the caller's key factory names the path (and so the schema) and holds the query
  return {
    queryKey,
    queryFn: ({ signal }: { signal: AbortSignal }): Promise<z.output<Schema>> => glance().json(path, schema, { query, signal }),
    placeholderData: keepPreviousData<z.output<Schema>>,
  };
}

/** Rows, next marker and "is there more" of a Glance list page, for the list controller. */
export function glancePages<Page extends { next?: string | undefined }, Row>(rowsOf: (page: Page) => readonly Row[], markerOf: (row: Row) => string) {
  return {
    rows: rowsOf,
    markerOf: (page: Page) => {
      const last = rowsOf(page).at(-1);
      return last === undefined ? undefined : markerOf(last);
    },
    hasNext: (page: Page) => Boolean(page.next),
  };
}
