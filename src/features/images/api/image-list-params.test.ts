import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  eqOrIn,
  imageListParams,
  parseSort,
  resolveOwner,
  toGlanceQuery,
  validateListState,
  type ListState,
} from '@/features/images/api/image-list-params';
import { nextPage } from '@/lib/marker-paging';

const decodeListState = imageListParams.decode;
const encodeListState = imageListParams.encode;
const withChanges = imageListParams.change;
const hasFilters = imageListParams.hasFilters;

const everyFilter: ListState = {
  view: 'shared',
  hidden: true,
  names: ['cirros', 'glass, darkly', 'a:b'],
  ids: ['id-1', 'id-2'],
  statuses: ['active', 'queued'],
  memberStatus: 'pending',
  owner: 'proj-9',
  tags: ['t1', 't,2'],
  diskFormats: ['raw', 'qcow2'],
  containerFormats: ['bare'],
  protected: 'false',
  sizeMin: '1 MiB',
  sizeMax: '2g',
  created: 'gte:2026-01-01',
  updated: '',
  changedSince: '2026-02-03T04:05:06Z',
  instance: '6f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b',
  imageType: 'snapshot',
  minDisk: '2',
  minRam: '512',
  props: ['os_distro=ubuntu', 'hw_disk_bus=virtio'],
  sort: [
    { key: 'name', dir: 'asc' },
    { key: 'size', dir: 'desc' },
  ],
  limit: 200,
  marker: 'm2',
  trail: ['', 'm1'],
};

describe('URL codec', () => {
  it('round-trips every filter', () => {
    expect(decodeListState(encodeListState(everyFilter))).toEqual(everyFilter);
  });
  it('keeps defaults out of the URL', () => {
    expect(encodeListState(DEFAULT_STATE).toString()).toBe('');
    expect(decodeListState(new URLSearchParams())).toEqual(DEFAULT_STATE);
  });
  it('falls back to defaults for junk', () => {
    const state = decodeListState(new URLSearchParams('view=nope&limit=7000&sort=bogus:asc,name:sideways,size:desc&protected=yes'));
    expect(state.view).toBe('visible');
    expect(state.limit).toBe(25);
    expect(state.sort).toEqual([{ key: 'size', dir: 'desc' }]);
    expect(state.protected).toBe('');
  });
  it('parses sort terms, defaulting to ascending and dropping repeats', () => {
    expect(parseSort('name,size:desc,name:desc')).toEqual([
      { key: 'name', dir: 'asc' },
      { key: 'size', dir: 'desc' },
    ]);
  });
});

describe('pagination state', () => {
  it('clears the marker when a filter changes', () => {
    expect(withChanges(everyFilter, { tags: ['x'] })).toMatchObject({ marker: '', trail: [], tags: ['x'] });
  });
});

describe('eqOrIn', () => {
  it.each([
    [[], undefined],
    [['cirros'], 'cirros'],
    [['foo:bar'], 'eq:foo:bar'],
    [['in:x'], 'eq:in:x'],
    [['a', 'b'], 'in:a,b'],
    [['glass, darkly', 'share me'], 'in:"glass, darkly",share me'],
  ])('%j → %s', (values, expected) => expect(eqOrIn(values)).toBe(expected));
});

describe('toGlanceQuery', () => {
  it('maps every filter onto Glance parameters', () => {
    expect(toGlanceQuery(everyFilter, 'me')).toEqual({
      limit: 200,
      visibility: 'shared',
      os_hidden: 'true',
      name: 'in:cirros,"glass, darkly",a:b',
      id: 'in:id-1,id-2',
      status: 'in:active,queued',
      disk_format: 'in:raw,qcow2',
      container_format: 'bare',
      member_status: 'pending',
      owner: 'proj-9',
      tag: ['t1', 't,2'],
      protected: 'false',
      size_min: 1024 ** 2,
      size_max: 2 * 1024 ** 3,
      created_at: 'gte:2026-01-01T00:00:00Z',
      updated_at: 'gte:2026-02-03T04:05:06Z',
      instance_uuid: '6f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b',
      image_type: 'snapshot',
      min_disk: '2',
      min_ram: '512',
      os_distro: 'ubuntu',
      hw_disk_bus: 'virtio',
      sort: 'name:asc,size:desc',
      marker: 'm2',
    });
  });
  it('lists my project by owner, and the default view without visibility', () => {
    expect(toGlanceQuery({ ...DEFAULT_STATE, view: 'mine' }, 'p1')).toEqual({ limit: 25, owner: 'p1' });
    expect(toGlanceQuery(DEFAULT_STATE, 'p1')).toEqual({ limit: 25 });
  });
  it('never sends invalid input', () => {
    const state = { ...DEFAULT_STATE, sizeMin: '12 XB', created: 'between:2026-01-01', updated: 'gte:yesterday', minRam: 'lots' };
    const errors = validateListState(state);
    expect(Object.keys(errors).sort()).toEqual(['created', 'minRam', 'sizeMin', 'updated']);
    expect(errors.created).toMatch(/Unknown operator "between"/);
    expect(errors.updated).toMatch(/not a date/);
    expect(toGlanceQuery(state, 'p')).toEqual({ limit: 25 });
  });
  it('refuses two updated_at conditions, which Glance would silently reduce to one', () => {
    expect(validateListState({ ...DEFAULT_STATE, updated: 'lt:2026-01-01', changedSince: '2025-01-01' }).changedSince).toMatch(/one updated_at/);
  });
  it('explains a minimum above the maximum', () => {
    expect(validateListState({ ...DEFAULT_STATE, sizeMin: '2 MiB', sizeMax: '1 MiB' }).sizeMax).toMatch(/below the minimum/);
  });
  it('does not let a custom property override a list parameter', () => {
    expect(toGlanceQuery({ ...DEFAULT_STATE, props: ['limit=5', 'os_type=linux'] }, 'p')).toEqual({ limit: 25, os_type: 'linux' });
  });
});

describe('hasFilters', () => {
  it('ignores view, sort, page size and paging', () => {
    expect(hasFilters({ ...DEFAULT_STATE, view: 'public', limit: 100, marker: 'x', sort: [{ key: 'name', dir: 'asc' }] })).toBe(false);
    expect(hasFilters({ ...DEFAULT_STATE, tags: ['a'] })).toBe(true);
  });
});

describe('URL codec edge cases', () => {
  it.each<[string, Partial<ListState>]>([
    ['names', { names: ['a:b', 'c,d', 'e f', 'ü'] }],
    ['ids', { ids: ['0f3d'] }],
    ['statuses', { statuses: ['active', 'deactivated'] }],
    ['memberStatus', { memberStatus: 'all' }],
    ['owner', { owner: 'abc123' }],
    ['tags', { tags: ['a&b', 'x=y', 'has space'] }],
    ['formats', { diskFormats: ['iso'], containerFormats: ['bare', 'ovf'] }],
    ['protected', { protected: 'true' }],
    ['sizes', { sizeMin: '1.5 GiB', sizeMax: '2T' }],
    ['dates', { created: 'lt:2026-01-01T12:00:00+02:00', updated: 'neq:2026-05-05' }],
    ['changedSince', { changedSince: '2026-01-01' }],
    ['nova proxy', { instance: 'i-1', imageType: 'snapshot', minDisk: '10', minRam: '2048' }],
    ['props', { props: ['os_distro=ubuntu', 'a=b=c', 'empty='] }],
    ['sort', { sort: [{ key: 'updated_at', dir: 'asc' }] }],
    ['hidden', { hidden: true }],
    ['limit', { limit: 1000 }],
    ['paging', { marker: 'm', trail: ['', 'x', 'y'] }],
  ])('round-trips %s on its own', (_label, changes) => {
    const state = { ...DEFAULT_STATE, ...changes };
    const search = encodeListState(state);
    expect(decodeListState(new URLSearchParams(search.toString()))).toEqual(state);
  });
  it('reads only known member statuses, visibilities and page sizes', () => {
    const state = decodeListState(new URLSearchParams('member_status=maybe&view=private&limit=1000&hidden=yes'));
    expect(state).toMatchObject({ memberStatus: '', view: 'visible', limit: 1000, hidden: false });
  });
  it('uses readable parameter names', () => {
    const search = encodeListState({ ...DEFAULT_STATE, view: 'mine', tags: ['a', 'b'], sizeMin: '1 GiB', sort: [{ key: 'name', dir: 'asc' }] });
    expect(search.toString()).toBe('view=mine&size_min=1+GiB&tag=a&tag=b&sort=name%3Aasc');
  });
});

describe('filter values sent to Glance', () => {
  const q = (changes: Partial<ListState>) => toGlanceQuery({ ...DEFAULT_STATE, ...changes }, 'p');
  it('quotes in: items that hold a comma, and only those', () => {
    expect(q({ names: ['a,b', 'c', 'd, e, f'] }).name).toBe('in:"a,b",c,"d, e, f"');
    expect(q({ ids: ['x,y', 'z'] }).id).toBe('in:"x,y",z');
  });
  it('sends a lone value with a comma as plain equality (commas only matter in in:)', () => {
    expect(q({ names: ['a,b'] }).name).toBe('a,b');
  });
  it('escapes a lone value containing ":" as eq:, for every in:/eq: field', () => {
    expect(q({ names: ['ubuntu:22.04'] }).name).toBe('eq:ubuntu:22.04');
    expect(q({ names: ['2026-01-01T00:00:00Z'] }).name).toBe('eq:2026-01-01T00:00:00Z');
    expect(q({ ids: ['a:b'] }).id).toBe('eq:a:b');
    expect(q({ statuses: ['x:y'] }).status).toBe('eq:x:y');
    expect(q({ diskFormats: ['d:1'] }).disk_format).toBe('eq:d:1');
    expect(q({ containerFormats: ['c:1'] }).container_format).toBe('eq:c:1');
  });
  it('keeps colons inside in: items as they are (Glance splits the operator off at the first colon)', () => {
    expect(q({ names: ['a:b', 'c'] }).name).toBe('in:a:b,c');
  });
  it('refuses a double quote inside a several-name search (Glance cannot match it in in:)', () => {
    const state = { ...DEFAULT_STATE, names: ['say "hi"', 'b'] };
    expect(validateListState(state).names).toMatch(/double quote/);
    expect(toGlanceQuery(state, 'p').name).toBeUndefined();
    expect(q({ names: ['say "hi"'] }).name).toBe('say "hi"');
  });
  it('sends tags as repeated parameters (all must match), commas included', () => {
    expect(q({ tags: ['a', 'b,c'] }).tag).toEqual(['a', 'b,c']);
  });
  it.each([
    ['0', 0],
    ['1024', 1024],
    ['1 KiB', 1024],
    ['1KB', 1024],
    ['1.5 MiB', 1.5 * 1024 ** 2],
    ['2 g', 2 * 1024 ** 3],
    ['3 GiB', 3 * 1024 ** 3],
    ['1 TiB', 1024 ** 4],
    ['  7 b ', 7],
  ])('reads the size "%s" as %d bytes', (text, bytes) => {
    expect(validateListState({ ...DEFAULT_STATE, sizeMin: text })).toEqual({});
    expect(q({ sizeMin: text }).size_min).toBe(bytes);
    expect(q({ sizeMax: text }).size_max).toBe(bytes);
  });
  it.each(['12 XB', 'ten', '-1', '1,5 GiB', 'GiB', '1 GiBs'])('rejects the size "%s" at the field', (text) => {
    expect(validateListState({ ...DEFAULT_STATE, sizeMax: text }).sizeMax).toMatch(/is not a size/);
    expect(q({ sizeMax: text }).size_max).toBeUndefined();
  });
  it.each([
    ['gt:2026-01-01', 'gt:2026-01-01T00:00:00Z'],
    ['gte:2026-01-01T10:30', 'gte:2026-01-01T10:30:00Z'],
    ['lt:2026-01-01T10:30:15Z', 'lt:2026-01-01T10:30:15Z'],
    ['lte:2026-01-01T10:30:15.5+01:00', 'lte:2026-01-01T10:30:15.5+01:00'],
    ['neq:2026-01-01T10:30:15', 'neq:2026-01-01T10:30:15Z'],
    ['eq:2026-02-03', 'eq:2026-02-03T00:00:00Z'],
    ['2026-02-03', 'gte:2026-02-03T00:00:00Z'],
  ])('maps the date filter "%s" to %s (created and updated)', (text, sent) => {
    expect(q({ created: text }).created_at).toBe(sent);
    expect(q({ updated: text }).updated_at).toBe(sent);
  });
  it.each([
    ['in:2026-01-01', /Unknown operator "in"/],
    ['after:2026-01-01', /Unknown operator "after"/],
    ['gt:2026-13-45', /not a date/],
    ['gt:01/02/2026', /not a date/],
    ['gt:', /not a date|Unknown operator/],
    ['yesterday', /not a date/],
  ])('explains the date filter "%s" and does not send it', (text, message) => {
    expect(validateListState({ ...DEFAULT_STATE, created: text }).created).toMatch(message);
    expect(q({ created: text }).created_at).toBeUndefined();
  });
  it('maps the Nova proxy filters onto Glance', () => {
    expect(q({ changedSince: '2026-03-01', instance: 'srv-1', imageType: 'snapshot', minDisk: '20', minRam: '1024' })).toEqual({
      limit: 25,
      updated_at: 'gte:2026-03-01T00:00:00Z',
      instance_uuid: 'srv-1',
      image_type: 'snapshot',
      min_disk: '20',
      min_ram: '1024',
    });
    expect(validateListState({ ...DEFAULT_STATE, minDisk: '1.5' }).minDisk).toBeDefined();
  });
  it('sends custom properties by equality, keeping "=" inside the value', () => {
    expect(q({ props: ['hw_disk_bus=virtio', 'note=a=b'] })).toMatchObject({ hw_disk_bus: 'virtio', note: 'a=b' });
    expect(validateListState({ ...DEFAULT_STATE, props: ['novalue'] }).props).toMatch(/key=value/);
  });
  it('maps each view', () => {
    expect(q({ view: 'mine' })).toMatchObject({ owner: 'p' });
    for (const view of ['shared', 'public', 'community', 'all'] as const) expect(q({ view }).visibility).toBe(view);
    expect(q({ view: 'mine', owner: 'other' }).owner).toBe('p');
  });
  it('leaves os_hidden out by default and asks for only hidden ones with the switch', () => {
    expect(q({}).os_hidden).toBeUndefined();
    expect(q({ hidden: true }).os_hidden).toBe('true');
  });
});

describe('sort and paging in the URL', () => {
  it('a new sort or page size starts again at the first page', () => {
    const paged = nextPage(nextPage(DEFAULT_STATE, 'a'), 'b');
    expect(withChanges(paged, { sort: [{ key: 'size', dir: 'desc' }] })).toMatchObject({ marker: '', trail: [] });
    expect(withChanges(paged, { limit: 100 })).toMatchObject({ marker: '', trail: [] });
  });
  it('a page URL is the original query plus the marker (repeated tags survive)', () => {
    const state = nextPage<ListState>({ ...DEFAULT_STATE, tags: ['a', 'b'], sort: [{ key: 'name', dir: 'asc' }] }, 'last-id');
    expect(toGlanceQuery(state, 'p')).toEqual({ limit: 25, tag: ['a', 'b'], sort: 'name:asc', marker: 'last-id' });
    expect(decodeListState(encodeListState(state))).toEqual(state);
  });
});

describe('resolveOwner', () => {
  const names = new Map([
    ['0123456789abcdef0123456789abcdef', 'alpha'],
    ['p-beta', 'beta'],
    ['p-beta2', 'Beta'],
  ]);
  it.each([
    ['', { id: '' }],
    ['p-beta', { id: 'p-beta', name: 'beta' }],
    ['alpha', { id: '0123456789abcdef0123456789abcdef', name: 'alpha' }],
    ['ALPHA', { id: '0123456789abcdef0123456789abcdef', name: 'alpha' }],
    ['beta', { id: 'p-beta', name: 'beta' }],
    ['fedcba9876543210fedcba9876543210', { id: 'fedcba9876543210fedcba9876543210' }],
  ])('resolves %j', (typed, expected) => {
    expect(resolveOwner(typed, names, false)).toEqual(expected);
  });
  it('says when a name is ambiguous or unknown, and how to look it up', () => {
    expect(resolveOwner('BETA', names, true)).toEqual({ error: expect.stringMatching(/Several projects/) as unknown });
    expect(resolveOwner('gamma', names, true)).toEqual({ error: expect.stringMatching(/No project is named "gamma"/) as unknown });
    expect(resolveOwner('gamma', names, false)).toEqual({ error: expect.stringMatching(/only your own projects/) as unknown });
  });
  it('passes the text on while the names are not known yet', () => {
    expect(resolveOwner('gamma', undefined, false)).toEqual({ id: 'gamma' });
  });
});
