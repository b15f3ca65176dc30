import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hasMemberIn, scanByMemberStatus, SCAN_MAX } from '@/features/images/api/image-member-status-scan';

// A fake Glance of `count` shared images img-0…, listed in order with marker paging, and the
// member statuses of each (by index); records what was asked.
let count: number;
let statusesOf: (index: number) => string[];
const listCalls: Record<string, unknown>[] = [];
let memberReads = 0;

const indexOf = (id: string) => Number(id.slice(4));

vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: (_path: string, _schema: unknown, { query }: { query: Record<string, unknown> }) => {
      listCalls.push(query);
      const start = typeof query.marker === 'string' ? indexOf(query.marker) + 1 : 0;
      const end = Math.min(count, start + Number(query.limit));
      const images = Array.from({ length: end - start }, (_, offset) => ({ id: `img-${String(start + offset)}` }));
      return Promise.resolve({ images, ...(end < count ? { next: '/v2/images?marker=x' } : {}) });
    },
  }),
}));
vi.mock('@/features/members', () => ({
  memberStatusesOf: (ids: string[]) => {
    memberReads += ids.length;
    return Promise.resolve(new Map(ids.map((id) => [id, statusesOf(indexOf(id))])));
  },
}));

beforeEach(() => {
  listCalls.length = 0;
  memberReads = 0;
});

describe('hasMemberIn', () => {
  it('matches a status, or any member for "all"', () => {
    expect(hasMemberIn(['accepted', 'pending'], 'pending')).toBe(true);
    expect(hasMemberIn(['accepted'], 'pending')).toBe(false);
    expect(hasMemberIn(['rejected'], 'all')).toBe(true);
    expect(hasMemberIn([], 'all')).toBe(false);
    expect(hasMemberIn(undefined, 'accepted')).toBe(false);
  });
});

describe('scanByMemberStatus', () => {
  it('keeps images with a member in the status, asks Glance for shared images without member_status, and resumes after the last match', async () => {
    count = 200;
    statusesOf = (index) => (index % 10 === 3 ? ['pending'] : ['accepted']);
    const first = await scanByMemberStatus({ limit: 5, sort: 'name:asc', member_status: 'pending' }, 'pending');
    expect(first.images.map((image) => image.id)).toEqual(['img-3', 'img-13', 'img-23', 'img-33', 'img-43']);
    expect(first.resumeAfter).toBe('img-43');
    expect(first.next).toBeDefined();
    expect(listCalls[0]).toMatchObject({ visibility: 'shared', member_status: undefined, sort: 'name:asc', limit: 20 });

    const second = await scanByMemberStatus({ limit: 5, marker: first.resumeAfter }, 'pending');
    expect(second.images.map((image) => image.id)).toEqual(['img-53', 'img-63', 'img-73', 'img-83', 'img-93']);
  });

  it('the last page has no next; an empty result reads to the end', async () => {
    count = 30;
    statusesOf = () => [];
    const page = await scanByMemberStatus({ limit: 25 }, 'all');
    expect(page).toMatchObject({ images: [], scanned: 30 });
    expect(page.next).toBeUndefined();
    expect(memberReads).toBe(30);
  });

  it('stops after SCAN_MAX images read and says where to resume, so a rare status never reads the whole cloud at once', async () => {
    count = SCAN_MAX * 3;
    statusesOf = (index) => (index === 5 ? ['rejected'] : []);
    const page = await scanByMemberStatus({ limit: 25 }, 'rejected');
    expect(page.images.map((image) => image.id)).toEqual(['img-5']);
    expect(page.scanned).toBe(SCAN_MAX);
    expect(page.resumeAfter).toBe(`img-${String(SCAN_MAX - 1)}`);
    expect(page.next).toBeDefined();
  });
});
