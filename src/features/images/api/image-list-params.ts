import { z } from 'zod';
import { defineListParams, optionalEnum } from '@/components/list/list-params';
import type { QueryParams } from '@/lib/http';
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
export const TIME_OPS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
export type TimeOp = (typeof TIME_OPS)[number];
export const MEMBER_STATUSES = ['accepted', 'pending', 'rejected', 'all'] as const;
export const IMAGE_STATUSES = ['queued', 'saving', 'active', 'killed', 'deleted', 'pending_delete', 'deactivated', 'uploading', 'importing'] as const;

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

const sortTermSchema = z.object({ key: z.enum(SORT_KEYS), dir: z.enum(['asc', 'desc']) });
// One field of the URL: junk falls back to the default, never to an error page.
const text = z.string().catch('');
const list = z.array(z.string()).catch([]);

/** The image list's URL: every field, its URL name, and paging (any page size Glance accepts). */
export const imageListParams = defineListParams({
  fields: z.object({
    view: z.enum(VIEWS).catch('visible'),
    hidden: z.stringbool({ truthy: ['true'], falsy: ['false'] }).catch(false),
    names: list,
    ids: list,
    statuses: list,
    memberStatus: optionalEnum(MEMBER_STATUSES),
    owner: text,
    tags: list,
    diskFormats: list,
    containerFormats: list,
    protected: optionalEnum(['true', 'false']),
    sizeMin: text,
    sizeMax: text,
    /** "op:ISO-8601", one condition: Glance applies only the last created_at/updated_at parameter. */
    created: text,
    updated: text,
    /** Nova's "changes-since": updated_at >= this. */
    changedSince: text,
    instance: text,
    imageType: text,
    minDisk: text,
    minRam: text,
    /** Custom properties, "key=value". */
    props: list,
    sort: z.codec(z.string(), z.array(sortTermSchema), { decode: parseSort, encode: formatSort }).catch([]),
  }),
  // Scalars first, then repeated params, then the sort: the order links are written in.
  urlNames: {
    view: 'view',
    hidden: 'hidden',
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
    names: 'name',
    ids: 'id',
    statuses: 'status',
    tags: 'tag',
    diskFormats: 'disk_format',
    containerFormats: 'container_format',
    props: 'prop',
    sort: 'sort',
  },

  settings: ['view', 'sort'],
  paging: { pageSizes: [10, 25, 50, 100, 200, 1000], defaultLimit: 25 },
});
export type ListState = typeof imageListParams.defaults;
export const DEFAULT_STATE: ListState = imageListParams.defaults;

// ---------------------------------------------------------------- validation

export type FieldErrors = Partial<Record<keyof ListState, string>>;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseTimeFilter(text: string): { op: TimeOp; time: string } | string {
  const match = /^([a-z]+):(.+)$/.exec(text);
  // A date alone means "on or after" it: "equal to midnight" would match nothing.
  const op = match ? match[1] : 'gte';
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

// ---------------------------------------------------------------- owner

export type OwnerResolution = { id: string; name?: string } | { error: string };

/**
 * The owner filter takes a project ID; a project name is resolved where the user may look
 * projects up (`names`: id → name, the projects Keystone lets this user see).
 */
export function resolveOwner(typed: string, names: ReadonlyMap<string, string> | undefined, isAdmin: boolean): OwnerResolution {
  if (!typed) return { id: '' };
  if (names?.has(typed)) return { id: typed, name: names.get(typed) ?? typed };
  const byName = [...(names ?? [])].filter(([, name]) => name === typed || name.toLowerCase() === typed.toLowerCase());
  const exact = byName.filter(([, name]) => name === typed);
  const match = exact.length === 1 ? exact[0] : byName.length === 1 ? byName[0] : undefined;
  if (match) return { id: match[0], name: match[1] };
  if (byName.length > 1) return { error: `Several projects are named "${typed}": type the project ID.` };
  // Keystone IDs are 32 hex digits; anything else that names no known project cannot match.
  if (/^[0-9a-f]{32}$/i.test(typed) || names === undefined) return { id: typed };
  return {
    error: isAdmin
      ? `No project is named "${typed}": type a project name or ID.`
      : `"${typed}" is not one of your projects' names. You may look up only your own projects: type the owner's project ID.`,
  };
}
