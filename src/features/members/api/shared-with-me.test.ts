import { describe, expect, it } from 'vitest';
import type { SharedImage } from '@/features/members/api/member-schema';
import { answersFor, moveShare, readShareStatus, sharedWithProject, shareStatusSearch } from '@/features/members/api/shared-with-me';

const image = (id: string, owner = 'other'): SharedImage => ({ id, name: id, owner, status: 'active', size: 1, created_at: '2026-01-01T00:00:00Z' });

describe('share status in the URL', () => {
  it.each([
    ['', 'pending'],
    ['?status=accepted', 'accepted'],
    ['?status=rejected', 'rejected'],
    ['?status=all', 'pending'],
    ['?status=ACCEPTED', 'pending'],
  ])('%s → %s', (search, expected) => expect(readShareStatus(new URLSearchParams(search))).toBe(expected));

  it('leaves the default out', () => {
    expect(shareStatusSearch('pending')).toBe('');
    expect(shareStatusSearch('rejected')).toBe('?status=rejected');
  });
});

describe('answersFor', () => {
  it('offers accept and reject while pending, the opposite answer otherwise', () => {
    expect(answersFor('pending').map((answer) => answer.to)).toEqual(['accepted', 'rejected']);
    expect(answersFor('accepted')).toEqual([{ to: 'rejected', label: 'Reject' }]);
    expect(answersFor('rejected')).toEqual([{ to: 'accepted', label: 'Accept' }]);
  });
});

describe('sharedWithProject', () => {
  it('drops the project’s own shared images', () => {
    expect(sharedWithProject([image('a', 'me'), image('b'), image('c', 'me')], 'me').map((row) => row.id)).toEqual(['b']);
  });
});

describe('moveShare', () => {
  it('moves the row to the head of the target list', () => {
    const moved = moveShare(
      { from: { images: [image('a'), image('b')], truncated: false }, to: { images: [image('c')], truncated: true } },
      image('b'),
    );
    expect(moved.from?.images.map((row) => row.id)).toEqual(['a']);
    expect(moved.to).toEqual({ images: [image('b'), image('c')], truncated: true });
  });

  it('leaves lists that are not cached alone and never duplicates a row', () => {
    expect(moveShare({ from: undefined, to: undefined }, image('a'))).toEqual({ from: undefined, to: undefined });
    expect(moveShare({ from: undefined, to: { images: [image('a')], truncated: false } }, image('a')).to?.images).toHaveLength(1);
  });
});
