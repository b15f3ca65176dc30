import type { QueryParams } from '@/lib/http';
import { z } from 'zod';
import { parseBytes } from '@/lib/format';

// The image list's whole state lives in the URL. This module turns search params into a
// typed state and back (defaults stay out of the URL), validates what the user typed, and
// maps the state onto Glance's GET /v2/images query.

export const VIEWS = ['visible', 'mine', 'shared', 'public', 'community', 'all'] as const;
export type View = (typeof VIEWS)[number];
export const SORT_KEYS = ['name', 'status', 'container_format', 'disk_format', 'size', 'id', 'created_at', 'updated_at'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface SortTerm {
  key: SortKey;
  dir: 'asc' | 'desc';
}
export const PAGE_SIZES = [25, 50, 100, 200, 1000] as const;
export const TIME_OPS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
export type TimeOp = (typeof TIME_OPS)[number];
export const MEMBER_STATUSES = ['accepted', 'pending', 'rejected', 'all'] as const;
export const IMAGE_STATUSES = ['queued', 'saving', 'active', 'killed', 'deleted', 'pending_delete', 'deactivated', 'uploading', 'importing'] as const;

export interface ListState {
  view: View;
  hidden: boolean;
  names: string[];
  ids: string[];
  statuses: string[];
  memberStatus: string;
  owner: string;
  tags: string[];
  diskFormats: string[];
  containerFormats: string[];
  protected: '' | 'true' | 'false';
  sizeMin: string;
  sizeMax: string;
  /** "op:ISO-8601", one condition: Glance applies only the last created_at/updated_at parameter. */
  created: string;
  updated: string;
  /** Nova's "changes-since": updated_at >= this. */
  changedSince: string;
  instance: string;
  imageType: string;
  minDisk: string;
  minRam: string;
  /** Custom properties, "key=value". */
  props: string[];
  sort: SortTerm[];
  limit: number;
  marker: string;
  /** Markers of the pages before this one, oldest first ('' is the first page). */
  trail: string[];
}

export const DEFAULT_STATE: ListState = {
  view: 'visible',
  hidden: false,
  names: [],
  ids: [],
  statuses: [],
  memberStatus: '',
  owner: '',
  tags: [],
  diskFormats: [],
  containerFormats: [],
  protected: '',
  sizeMin: '',
  sizeMax: '',
  created: '',
  updated: '',
  changedSince: '',
  instance: '',
  imageType: '',
  minDisk: '',
  minRam: '',
  props: [],
  sort: [],
  limit: 25,
  marker: '',
  trail: [],
};

// URL names of the fields. Arrays are repeated params.
const SCALARS = {
  view: 'view',
  memberStatus: 'member_status',
  owner: 'owner',
  protected: 'protected',
  sizeMin: 'size_min',
  sizeMax: 'size_max',
  created: 'created_at',
  updated: 'updated_at',
  changedSince: 'changed_since',
  instance: 'instance_uuid',
  imageType: 'image_type',
  minDisk: 'min_disk',
  minRam: 'min_ram',
  marker: 'marker',
} as const satisfies Partial<Record<keyof ListState, string>>;
const ARRAYS = {
  names: 'name',
  ids: 'id',
  statuses: 'status',
  tags: 'tag',
  diskFormats: 'disk_format',
  containerFormats: 'container_format',
  props: 'prop',
  trail: 'trail',
} as const satisfies Partial<Record<keyof ListState, string>>;

export function parseSort(text: string): SortTerm[] {
  const terms: SortTerm[] = [];
  for (const part of text.split(',')) {
    const [key, dir = 'asc'] = part.trim().split(':');
    const known = SORT_KEYS.find((candidate) => candidate === key);
    if (known && (dir === 'asc' || dir === 'desc') && !terms.some((term) => term.key === known)) terms.push({ key: known, dir });
  }
  return terms;
}

export function formatSort(sort: readonly SortTerm[]): string {
  return sort.map((term) => `${term.key}:${term.dir}`).join(',');
}

// One field of the URL, as zod reads it: junk falls back to the default, never to an error page.
const text = z.string().catch('');
const list = z.array(z.string()).catch([]);

/** The URL as zod sees it (already read from URLSearchParams into single values and arrays). */
const listSearchSchema = z.object({
  view: z.enum(VIEWS).catch(DEFAULT_STATE.view),
  hidden: z.literal('true').transform(() => true).catch(false),
  names: list,
  ids: list,
  statuses: list,
  memberStatus: z.union([z.enum(MEMBER_STATUSES), z.literal('')]).catch(''),
  owner: text,
  tags: list,
  diskFormats: list,
  containerFormats: list,
  protected: z.enum(['true', 'false', '']).catch(''),
  sizeMin: text,
  sizeMax: text,
  created: text,
  updated: text,
  changedSince: text,
  instance: text,
  imageType: text,
  minDisk: text,
  minRam: text,
  props: list,
  sort: z.string().transform(parseSort).catch([]),
  limit: z.coerce.number().pipe(z.literal(PAGE_SIZES)).catch(25),
  marker: text,
  trail: list,
}) satisfies z.ZodType<ListState, unknown>;

/** Reads the list state from the URL; anything unknown or malformed falls back to the default. */
export function decodeListState(search: URLSearchParams): ListState {
  const raw: Record<string, unknown> = {
    view: search.get('view') ?? undefined,
    hidden: search.get('hidden') ?? undefined,
    sort: search.get('sort') ?? undefined,
    limit: search.get('limit') ?? undefined,
  };
  for (const [field, key] of Object.entries(SCALARS)) raw[field] = search.get(key) ?? undefined;
  for (const [field, key] of Object.entries(ARRAYS)) raw[field] = search.getAll(key);
  return listSearchSchema.parse(raw);
}

/** Writes the state to search params, leaving defaults out so links stay short. */
export function encodeListState(state: ListState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.view !== DEFAULT_STATE.view) search.set('view', state.view);
  if (state.hidden) search.set('hidden', 'true');
  for (const [field, key] of Object.entries(SCALARS) as [keyof typeof SCALARS, string][]) {
    const value = state[field];
    if (field !== 'view' && value) search.set(key, value);
  }
  for (const [field, key] of Object.entries(ARRAYS) as [keyof typeof ARRAYS, string][]) {
    for (const value of state[field]) search.append(key, value);
  }
  if (state.sort.length) search.set('sort', formatSort(state.sort));
  if (state.limit !== DEFAULT_STATE.limit) search.set('limit', String(state.limit));
  return search;
}

/** A new filter, sort or page size starts again at the first page. */
export function withChanges(state: ListState, changes: Partial<ListState>): ListState {
  return { ...state, ...changes, marker: '', trail: [] };
}

// ---------------------------------------------------------------- validation

export type FieldErrors = Partial<Record<keyof ListState, string>>;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseTimeFilter(text: string): { op: TimeOp; time: string } | string {
  const match = /^([a-z]+):(.+)$/.exec(text);
  const op = match ? match[1] : 'eq';
  const time = match ? (match[2] ?? '') : text;
  const known = TIME_OPS.find((candidate) => candidate === op);
  if (!known) return `Unknown operator "${op}": use one of ${TIME_OPS.join(', ')}.`;
  if (!ISO_TIME.test(time) || Number.isNaN(Date.parse(time))) return `"${time}" is not a date: use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.`;
  return { op: known, time };
}

/** Glance wants full timestamps; a bare date means midnight UTC. */
export function normaliseTime(time: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(time)) return `${time}T00:00:00Z`;
  if (/T\d{2}:\d{2}$/.test(time)) return `${time}:00Z`;
  return /(Z|[+-]\d{2}:?\d{2})$/.test(time) ? time : `${time}Z`;
}

/** What is wrong with the typed filters, per field. Invalid fields are never sent. */
export function validateListState(state: ListState): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['sizeMin', 'sizeMax'] as const) {
    if (state[field] && parseBytes(state[field]) === undefined) {
      errors[field] = `"${state[field]}" is not a size: use a number with B, KiB, MiB, GiB or TiB.`;
    }
  }
  const min = parseBytes(state.sizeMin);
  const max = parseBytes(state.sizeMax);
  if (min !== undefined && max !== undefined && min > max) errors.sizeMax = 'The maximum size is below the minimum.';
  for (const field of ['created', 'updated'] as const) {
    if (!state[field]) continue;
    const parsed = parseTimeFilter(state[field]);
    if (typeof parsed === 'string') errors[field] = parsed;
  }
  if (state.changedSince) {
    if (typeof parseTimeFilter(`gte:${state.changedSince}`) === 'string') errors.changedSince = 'Use a date: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.';
    else if (state.updated) errors.changedSince = 'Glance takes one updated_at condition: clear "Updated" or "Changed since".';
  }
  for (const field of ['minDisk', 'minRam'] as const) {
    if (state[field] && !/^\d+$/.test(state[field])) errors[field] = 'A whole number.';
  }
  if (state.names.length > 1 && state.names.some((name) => name.includes('"'))) {
    errors.names = 'A name with a double quote can only be searched on its own.';
  }
  const badProp = state.props.find((prop) => !/^[^=]+=.*$/.test(prop));
  if (badProp) errors.props = `"${badProp}" is not key=value.`;
  return errors;
}

// ---------------------------------------------------------------- Glance query

/** One value as an `in:` list item: quoted when it holds a comma (Glance's rule). */
function inItem(value: string): string {
  return value.includes(',') ? `"${value}"` : value;
}

/** One value, or `in:` for several. A lone value with ':' (or that starts like an operator) goes as `eq:`. */
export function eqOrIn(values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  if (values.length === 1) {
    const [value = ''] = values;
    return value.includes(':') ? `eq:${value}` : value;
  }
  return `in:${values.map(inItem).join(',')}`;
}

/** The GET /v2/images query for a list state (only valid fields; `errors` from validateListState). */
export function toGlanceQuery(state: ListState, projectId: string, errors: FieldErrors = validateListState(state)): QueryParams {
  const query: QueryParams = { limit: state.limit };
  const ok = (field: keyof ListState) => !errors[field];
  if (state.view === 'mine') query.owner = projectId;
  else if (state.view !== 'visible') query.visibility = state.view;
  if (state.hidden) query.os_hidden = 'true';
  if (ok('names')) query.name = eqOrIn(state.names);
  query.id = eqOrIn(state.ids);
  query.status = eqOrIn(state.statuses);
  query.disk_format = eqOrIn(state.diskFormats);
  query.container_format = eqOrIn(state.containerFormats);
  if (state.memberStatus) query.member_status = state.memberStatus;
  if (state.owner && state.view !== 'mine') query.owner = state.owner;
  if (state.tags.length) query.tag = state.tags;
  if (state.protected) query.protected = state.protected;
  if (state.sizeMin && ok('sizeMin')) query.size_min = parseBytes(state.sizeMin);
  if (state.sizeMax && ok('sizeMax')) query.size_max = parseBytes(state.sizeMax);
  for (const [field, key] of [
    ['created', 'created_at'],
    ['updated', 'updated_at'],
  ] as const) {
    const parsed = state[field] && ok(field) ? parseTimeFilter(state[field]) : undefined;
    if (parsed && typeof parsed !== 'string') query[key] = `${parsed.op}:${normaliseTime(parsed.time)}`;
  }
  if (state.changedSince && ok('changedSince')) query.updated_at = `gte:${normaliseTime(state.changedSince)}`;
  if (state.instance) query.instance_uuid = state.instance;
  if (state.imageType) query.image_type = state.imageType;
  if (state.minDisk && ok('minDisk')) query.min_disk = state.minDisk;
  if (state.minRam && ok('minRam')) query.min_ram = state.minRam;
  if (ok('props')) {
    for (const prop of state.props) {
      const index = prop.indexOf('=');
      const key = prop.slice(0, index).trim();
      // Reserved list parameters cannot be property names here.
      if (key && !(key in query)) query[key] = prop.slice(index + 1);
    }
  }
  if (state.sort.length) query.sort = formatSort(state.sort);
  if (state.marker) query.marker = state.marker;
  return query;
}

export function hasFilters(state: ListState): boolean {
  const base = { ...DEFAULT_STATE, view: state.view, sort: state.sort, limit: state.limit, marker: state.marker, trail: state.trail };
  return encodeListState(state).toString() !== encodeListState(base).toString();
}
