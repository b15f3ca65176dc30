import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { fetchSharedWithMe, MAX_SHARED_PAGES } from '@/features/members/api/member-queries';
import type { QueryParams } from '@/lib/http';

// Glance pages of 1000 at most; the fake serves `total` images, every third one the caller's own.
let total = 0;
const queries: QueryParams[] = [];

vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: async (_path: string, schema: z.ZodType, options: { query: QueryParams }) => {
      queries.push(options.query);
      const all = Array.from({ length: total }, (_, i) => ({ id: `i${i}`, name: null, owner: i % 3 === 0 ? 'me' : 'them', status: 'active', created_at: '2026-01-01T00:00:00Z' }));
      const start = options.query.marker ? all.findIndex((image) => image.id === options.query.marker) + 1 : 0;
      const limit = Number(options.query.limit);
      const images = all.slice(start, start + limit);
      return schema.parse({ images, ...(start + limit < all.length ? { next: 'more' } : {}) });
    },
  }),
}));

beforeEach(() => {
  queries.length = 0;
});

describe('fetchSharedWithMe', () => {
  it('reads one page when it holds everything', async () => {
    total = 9;
    const list = await fetchSharedWithMe('pending', 'me');
    expect(list).toMatchObject({ truncated: false });
    expect(list.images.map((image) => image.id)).toEqual(['i1', 'i2', 'i4', 'i5', 'i7', 'i8']);
    expect(queries).toEqual([{ visibility: 'shared', member_status: 'pending', limit: 1000, marker: undefined }]);
  });

  it('follows markers across pages and leaves the caller’s own images out', async () => {
    total = 2500;
    const list = await fetchSharedWithMe('accepted', 'me');
    expect(queries.map((query) => query.marker)).toEqual([undefined, 'i999', 'i1999']);
    expect(list.images).toHaveLength(2500 - Math.ceil(2500 / 3));
    expect(list.truncated).toBe(false);
  });

  it('stops after a bounded number of pages and says so', async () => {
    total = (MAX_SHARED_PAGES + 1) * 1000;
    const list = await fetchSharedWithMe('rejected', 'me');
    expect(queries).toHaveLength(MAX_SHARED_PAGES);
    expect(list.truncated).toBe(true);
  });
});
