import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  decodeListState,
  encodeListState,
  eqOrIn,
  hasFilters,
  nextPage,
  parseSort,
  previousPage,
  toGlanceQuery,
  validateListState,
  withChanges,
  type ListState,
} from '@/features/images/api/image-list-params';

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
    const state = decodeListState(new URLSearchParams('view=nope&limit=7&sort=bogus:asc,name:sideways,size:desc&protected=yes'));
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
  it('walks forward and back through a trail of markers', () => {
    const first = DEFAULT_STATE;
    const second = nextPage(first, 'a');
    const third = nextPage(second, 'b');
    expect(third).toMatchObject({ marker: 'b', trail: ['', 'a'] });
    expect(previousPage(third)).toMatchObject({ marker: 'a', trail: [''] });
    expect(previousPage(previousPage(third))).toMatchObject({ marker: '', trail: [] });
  });
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
