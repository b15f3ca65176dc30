import { z } from 'zod';
import { writeMarkerPosition, type MarkerPosition } from '@/lib/marker-paging';

// A list's state lives in the URL. `defineListParams` builds the codec of one list from a zod
// object (one field per piece of state, each with `.catch(default)`, so junk in the URL falls
// back to the default instead of failing), the URL name of each field, and paging options.
// Defaults stay out of the URL; a new filter, sort or page size starts again at page one.

/** Glance accepts any page size from 1 to 1000 on every list. */
export const MAX_PAGE_SIZE = 1000;

/** Where a marker-paged list is: page size, the page's marker and the trail of earlier markers. */
export interface ListPosition extends MarkerPosition {
  limit: number;
}

export type ListState<Fields> = Fields & ListPosition;

export interface ListParamsOptions<Shape extends z.ZodRawShape> {
  /** One field per piece of state; every field has a `.catch(default)`. */
  fields: z.ZodObject<Shape>;
  /** The search-param name of each field. */
  urlNames: { [K in keyof Shape]: string };
  /** Fields that are settings (view, sort) rather than filters: "Clear filters" keeps them. */
  settings?: readonly (keyof Shape)[];
  /** Marker paging; leave out for a list that is not paged (then limit and marker stay out of the URL). */
  paging?: { pageSizes: readonly number[]; defaultLimit: number };
}

export interface ListParams<Fields> {
  readonly defaults: ListState<Fields>;
  readonly paged: boolean;
  /** The page sizes to offer (a size typed into the URL is kept and shown too). */
  readonly pageSizes: readonly number[];
  decode(search: URLSearchParams): ListState<Fields>;
  encode(state: ListState<Fields>): URLSearchParams;
  /** Changes filters, settings or the page size: back to the first page. */
  change(state: ListState<Fields>, changes: Partial<Fields & { limit: number }>): ListState<Fields>;
  /** Every filter back to its default; settings and page size stay. */
  clearFilters(state: ListState<Fields>): ListState<Fields>;
  hasFilters(state: ListState<Fields>): boolean;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function defineListParams<Shape extends z.ZodRawShape>(options: ListParamsOptions<Shape>): ListParams<z.output<z.ZodObject<Shape>>> {
  type Fields = z.output<z.ZodObject<Shape>>;
  type State = ListState<Fields>;
  const { fields, urlNames, settings = [], paging } = options;
  const keys = Object.keys(urlNames) as (keyof Shape & string)[];
  const defaultFields = fields.parse({});
  // The loops below treat any list's fields alike, as a record.
  const defaultOf = (key: string): unknown => (defaultFields as Record<string, unknown>)[key];
  const valueOf = (state: State, key: string): unknown => (state as Record<string, unknown>)[key];
  const defaultLimit = paging?.defaultLimit ?? MAX_PAGE_SIZE;
  const limitSchema = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).catch(defaultLimit);
  const defaults = { ...defaultFields, limit: defaultLimit, marker: '', trail: [] } as State;
  // A field whose URL form is a list (its encoded default is an array) is a repeated param.
  const repeated = new Set(keys.filter((key) => Array.isArray(z.encode(fields.shape[key] as z.ZodType, defaultOf(key)))));
  const filterKeys = keys.filter((key) => !settings.includes(key));

  function decode(search: URLSearchParams): State {
    const raw: Record<string, unknown> = {};
    for (const key of keys) raw[key] = repeated.has(key) ? search.getAll(urlNames[key]) : (search.get(urlNames[key]) ?? undefined);
    const position: ListPosition = paging
      ? { limit: limitSchema.parse(search.get('limit') ?? undefined), marker: search.get('marker') ?? '', trail: search.getAll('trail') }
      : { limit: defaultLimit, marker: '', trail: [] };
    return { ...fields.parse(raw), ...position } as State;
  }

  function encode(state: State): URLSearchParams {
    const search = new URLSearchParams();
    for (const key of keys) {
      if (sameValue(valueOf(state, key), defaultOf(key))) continue;
      const value: unknown = z.encode(fields.shape[key] as z.ZodType, valueOf(state, key));
      if (Array.isArray(value)) for (const item of value) search.append(urlNames[key], String(item));
      else if (value !== '' && value !== undefined && value !== null) search.set(urlNames[key], String(value));
    }
    if (paging) {
      if (state.limit !== defaultLimit) search.set('limit', String(state.limit));
      writeMarkerPosition(search, state);
    }
    return search;
  }

  return {
    defaults,
    paged: paging !== undefined,
    pageSizes: paging?.pageSizes ?? [],
    decode,
    encode,
    change: (state, changes) => ({ ...state, ...changes, marker: '', trail: [] }),
    clearFilters: (state) => {
      const cleared: Record<string, unknown> = { ...state, marker: '', trail: [] };
      for (const key of filterKeys) cleared[key] = defaultOf(key);
      return cleared as State;
    },
    hasFilters: (state) => filterKeys.some((key) => !sameValue(valueOf(state, key), defaultOf(key))),
  };
}

/** A zod field for one of a fixed set of values, '' when the URL has none or junk. */
export function optionalEnum<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.union([z.enum(values), z.literal('')]).catch('');
}
