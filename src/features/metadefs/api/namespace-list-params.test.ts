import { describe, expect, it } from 'vitest';
import { namespaceListParams, toNamespaceQuery } from '@/features/metadefs/api/namespace-list-params';
import { nextPage, previousPage } from '@/lib/marker-paging';

const DEFAULT_NAMESPACE_LIST = namespaceListParams.defaults;
const decode = (search: string) => namespaceListParams.decode(new URLSearchParams(search));
const encodeNamespaceList = namespaceListParams.encode;

describe('namespace list URL', () => {
  it('reads defaults from an empty URL and writes nothing for them', () => {
    expect(decode('')).toEqual(DEFAULT_NAMESPACE_LIST);
    expect(encodeNamespaceList(DEFAULT_NAMESPACE_LIST).toString()).toBe('');
  });

  it('round-trips filters, page size and the marker trail', () => {
    const search = 'resource_type=OS%3A%3AGlance%3A%3AImage&visibility=public&limit=50&marker=OS%3A%3ACompute%3A%3AB&trail=&trail=OS%3A%3ACompute%3A%3AA';
    const state = decode(search);
    expect(state).toEqual({ resourceType: 'OS::Glance::Image', visibility: 'public', limit: 50, marker: 'OS::Compute::B', trail: ['', 'OS::Compute::A'] });
    expect(encodeNamespaceList(state).toString()).toBe(search);
  });

  it('falls back to defaults for junk', () => {
    expect(decode('visibility=shared&limit=7000')).toEqual(DEFAULT_NAMESPACE_LIST);
  });

  it('drops a trail without a marker', () => {
    expect(encodeNamespaceList({ ...DEFAULT_NAMESPACE_LIST, trail: ['x'] }).toString()).toBe('');
  });
});

describe('namespace paging', () => {
  it('walks forward and back by namespace name', () => {
    const first = DEFAULT_NAMESPACE_LIST;
    const second = nextPage(first, 'A');
    const third = nextPage(second, 'B');
    expect(third).toMatchObject({ marker: 'B', trail: ['', 'A'] });
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(second)).toEqual(first);
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
