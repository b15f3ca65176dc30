import { describe, expect, it } from 'vitest';
import { NAMESPACE_SORT_OPTIONS, namespaceListParams, nextNamespaceSort, parseNamespaceSort, sortValue, toNamespaceQuery } from '@/features/metadefs/api/namespace-list-params';
import { nextPage } from '@/lib/marker-paging';

const DEFAULT_NAMESPACE_LIST = namespaceListParams.defaults;
const decode = (search: string) => namespaceListParams.decode(new URLSearchParams(search));
const encodeNamespaceList = namespaceListParams.encode;

describe('namespace list URL', () => {
  const full = 'resource_type=OS%3A%3AGlance%3A%3AImage&visibility=public&limit=50&marker=OS%3A%3ACompute%3A%3AB&trail=&trail=OS%3A%3ACompute%3A%3AA';
  it.each([
    ['an empty URL: the defaults, written as nothing', '', DEFAULT_NAMESPACE_LIST, ''],
    ['filters, page size and the marker trail', full, { resourceType: 'OS::Glance::Image', visibility: 'public', sort: { key: 'namespace', dir: 'asc' }, limit: 50, marker: 'OS::Compute::B', trail: ['', 'OS::Compute::A'] }, full],
    ['junk: the defaults', 'visibility=shared&limit=7000', DEFAULT_NAMESPACE_LIST, ''],
    ['a sort by update time, newest first', 'sort=updated_at%3Adesc', { ...DEFAULT_NAMESPACE_LIST, sort: { key: 'updated_at', dir: 'desc' } }, 'sort=updated_at%3Adesc'],
    ['an unknown sort key: the default sort', 'sort=owner%3Aasc', DEFAULT_NAMESPACE_LIST, ''],
    ['the default sort written out: left out', 'sort=namespace%3Aasc', DEFAULT_NAMESPACE_LIST, ''],
    ['a trail without a marker: not written', 'trail=x', { ...DEFAULT_NAMESPACE_LIST, trail: ['x'] }, ''],
  ])('reads %s', (_, search, state, written) => {
    expect(decode(search)).toEqual(state);
    expect(encodeNamespaceList(decode(search)).toString()).toBe(written);
  });

  it('starts again at the first page when the sort changes, and keeps the sort when filters are cleared', () => {
    const paged = nextPage({ ...DEFAULT_NAMESPACE_LIST, visibility: 'public' as const }, 'A');
    const sorted = namespaceListParams.change(paged, { sort: { key: 'created_at', dir: 'desc' } });
    expect(sorted).toEqual({ ...DEFAULT_NAMESPACE_LIST, visibility: 'public', sort: { key: 'created_at', dir: 'desc' } });
    expect(namespaceListParams.clearFilters(sorted)).toEqual({ ...DEFAULT_NAMESPACE_LIST, sort: { key: 'created_at', dir: 'desc' } });
  });

  it('starts again at the first page when a filter changes', () => {
    const paged = nextPage(DEFAULT_NAMESPACE_LIST, 'A');
    expect(namespaceListParams.change(paged, { visibility: 'private' })).toEqual({ ...DEFAULT_NAMESPACE_LIST, visibility: 'private' });
  });
});

describe('toNamespaceQuery', () => {
  it('sorts by name and sends only what is set', () => {
    expect(toNamespaceQuery(DEFAULT_NAMESPACE_LIST)).toEqual({
      limit: 25,
      marker: undefined,
      resource_types: undefined,
      visibility: undefined,
      sort_key: 'namespace',
      sort_dir: 'asc',
    });
    expect(toNamespaceQuery({ resourceType: 'OS::Nova::Flavor', visibility: 'public', sort: { key: 'namespace', dir: 'asc' }, limit: 100, marker: 'X', trail: [''] })).toMatchObject({
      limit: 100,
      marker: 'X',
      resource_types: 'OS::Nova::Flavor',
      visibility: 'public',
    });
  });
});

describe('namespace sort', () => {
  it('sends the chosen key and direction to Glance', () => {
    expect(toNamespaceQuery({ ...DEFAULT_NAMESPACE_LIST, sort: { key: 'created_at', dir: 'desc' } })).toMatchObject({ sort_key: 'created_at', sort_dir: 'desc' });
  });

  it.each([
    [{ key: 'namespace', dir: 'asc' }, 'namespace', { key: 'namespace', dir: 'desc' }],
    [{ key: 'namespace', dir: 'asc' }, 'updated_at', { key: 'updated_at', dir: 'desc' }],
    [{ key: 'updated_at', dir: 'desc' }, 'namespace', { key: 'namespace', dir: 'asc' }],
  ] as const)('from %o, a click on %s gives %o', (current, key, next) => {
    expect(nextNamespaceSort(current, key)).toEqual(next);
  });
});

describe('the sort select', () => {
  it.each(NAMESPACE_SORT_OPTIONS.map((option) => option.value))('%s reads back as itself', (value) => {
    expect(sortValue(parseNamespaceSort(value))).toBe(value);
  });
});
