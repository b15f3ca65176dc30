import { describe, expect, it } from 'vitest';
import { namespaceListParams, toNamespaceQuery } from '@/features/metadefs/api/namespace-list-params';
import { nextPage } from '@/lib/marker-paging';

const DEFAULT_NAMESPACE_LIST = namespaceListParams.defaults;
const decode = (search: string) => namespaceListParams.decode(new URLSearchParams(search));
const encodeNamespaceList = namespaceListParams.encode;

describe('namespace list URL', () => {
  const full = 'resource_type=OS%3A%3AGlance%3A%3AImage&visibility=public&limit=50&marker=OS%3A%3ACompute%3A%3AB&trail=&trail=OS%3A%3ACompute%3A%3AA';
  it.each([
    ['an empty URL: the defaults, written as nothing', '', DEFAULT_NAMESPACE_LIST, ''],
    ['filters, page size and the marker trail', full, { resourceType: 'OS::Glance::Image', visibility: 'public', limit: 50, marker: 'OS::Compute::B', trail: ['', 'OS::Compute::A'] }, full],
    ['junk: the defaults', 'visibility=shared&limit=7000', DEFAULT_NAMESPACE_LIST, ''],
    ['a trail without a marker: not written', 'trail=x', { ...DEFAULT_NAMESPACE_LIST, trail: ['x'] }, ''],
  ])('reads %s', (_, search, state, written) => {
    expect(decode(search)).toEqual(state);
    expect(encodeNamespaceList(decode(search)).toString()).toBe(written);
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
    expect(toNamespaceQuery({ resourceType: 'OS::Nova::Flavor', visibility: 'public', limit: 100, marker: 'X', trail: [''] })).toMatchObject({
      limit: 100,
      marker: 'X',
      resource_types: 'OS::Nova::Flavor',
      visibility: 'public',
    });
  });
});
