import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineListParams, optionalEnum } from '@/components/list/list-params';

const sortTerms = z.codec(z.string(), z.array(z.object({ key: z.string(), dir: z.enum(['asc', 'desc']) })), {
  decode: (text) => text.split(',').filter(Boolean).map((part) => ({ key: part.split(':')[0] ?? '', dir: part.endsWith(':desc') ? ('desc' as const) : ('asc' as const) })),
  encode: (terms) => terms.map((term) => `${term.key}:${term.dir}`).join(','),
});

const params = defineListParams({
  fields: z.object({
    status: optionalEnum(['active', 'queued']),
    tags: z.array(z.string()).catch([]),
    hidden: z.stringbool().catch(false),
    owner: z.string().catch(''),
    sort: sortTerms.catch([]),
    view: z.enum(['mine', 'all']).catch('all'),
  }),
  urlNames: { status: 'status', tags: 'tag', hidden: 'hidden', owner: 'owner', sort: 'sort', view: 'view' },
  settings: ['sort', 'view'],
  paging: { pageSizes: [10, 25, 50], defaultLimit: 25 },
});

const decode = (query: string) => params.decode(new URLSearchParams(query));

describe('defineListParams', () => {
  it('starts from the defaults of the zod fields, on page one', () => {
    expect(params.defaults).toEqual({ status: '', tags: [], hidden: false, owner: '', sort: [], view: 'all', limit: 25, marker: '', trail: [] });
    expect(decode('')).toEqual(params.defaults);
  });

  it.each([
    ['status=active', { status: 'active' }],
    ['status=bogus', { status: '' }],
    ['tag=a&tag=b', { tags: ['a', 'b'] }],
    ['tag=only', { tags: ['only'] }],
    ['hidden=true', { hidden: true }],
    ['hidden=maybe', { hidden: false }],
    ['sort=name:asc,size:desc', { sort: [{ key: 'name', dir: 'asc' }, { key: 'size', dir: 'desc' }] }],
    ['view=nowhere', { view: 'all' }],
    ['limit=10', { limit: 10 }],
    ['limit=7', { limit: 7 }],
    ['limit=1000', { limit: 1000 }],
    ['limit=1001', { limit: 25 }],
    ['limit=0', { limit: 25 }],
    ['limit=2.5', { limit: 25 }],
    ['limit=ten', { limit: 25 }],
    ['marker=m2&trail=&trail=m1', { marker: 'm2', trail: ['', 'm1'] }],
  ])('reads %s', (query, expected) => {
    expect(decode(query)).toEqual({ ...params.defaults, ...expected });
  });

  it.each([
    '',
    'status=queued',
    'tag=a&tag=b%2Cc',
    'hidden=true',
    'owner=p%3A1',
    'sort=name%3Aasc%2Csize%3Adesc',
    'view=mine',
    'limit=10',
    'limit=50&marker=m2&trail=&trail=m1',
  ])('writes back what it read, defaults left out: %s', (query) => {
    expect(params.encode(decode(query)).toString()).toBe(query);
  });

  it('leaves defaults out of the URL', () => {
    expect(params.encode({ ...params.defaults, view: 'all', limit: 25 }).toString()).toBe('');
  });

  it('goes back to page one when filters, settings or the page size change', () => {
    const onPage3 = decode('marker=m2&trail=&trail=m1&status=active');
    expect(params.change(onPage3, { owner: 'x' })).toMatchObject({ owner: 'x', status: 'active', marker: '', trail: [] });
    expect(params.change(onPage3, { limit: 10 })).toMatchObject({ limit: 10, marker: '', trail: [] });
  });

  it('clears the filters but keeps settings and the page size', () => {
    const state = decode('status=active&tag=a&hidden=true&owner=o&view=mine&sort=name:asc&limit=10&marker=m');
    expect(params.hasFilters(state)).toBe(true);
    const cleared = params.clearFilters(state);
    expect(cleared).toEqual({ ...params.defaults, view: 'mine', sort: [{ key: 'name', dir: 'asc' }], limit: 10 });
    expect(params.hasFilters(cleared)).toBe(false);
  });

  it('does not count settings as filters', () => {
    expect(params.hasFilters(decode('view=mine&sort=name:asc&limit=10'))).toBe(false);
  });

  it('keeps paging out of the URL of a list that is not paged', () => {
    const unpaged = defineListParams({ fields: z.object({ status: optionalEnum(['pending', 'accepted']) }), urlNames: { status: 'status' } });
    const state = unpaged.decode(new URLSearchParams('status=accepted&limit=10&marker=x'));
    expect(state).toEqual({ status: 'accepted', limit: 1000, marker: '', trail: [] });
    expect(unpaged.encode({ ...state, marker: 'x' }).toString()).toBe('status=accepted');
    expect(unpaged.paged).toBe(false);
  });
});
