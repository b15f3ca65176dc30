import { describe, expect, it } from 'vitest';
import { mergeOutcomes, planBulk, skipReason, summarizeOutcomes, type BulkImage, type BulkOutcome } from '@/features/images/api/bulk-rules';
import type { BulkAction } from '@/features/images/api/image-bulk';

const image = (id: string, extra: Partial<BulkImage> = {}): BulkImage => ({
  id,
  name: id,
  status: 'active',
  visibility: 'private',
  protected: false,
  os_hidden: false,
  tags: [],
  ...extra,
});

describe('skipReason', () => {
  it.each<[string, Partial<BulkImage>, BulkAction, RegExp | undefined]>([
    ['deletes an unprotected image', {}, { kind: 'delete' }, undefined],
    ['skips deleting a protected image', { protected: true }, { kind: 'delete' }, /protected; unprotect it first/],
    ['deactivates an active image', {}, { kind: 'deactivate' }, undefined],
    ['skips deactivating a queued image (Glance: 403)', { status: 'queued' }, { kind: 'deactivate' }, /queued; only an active image/],
    ['skips deactivating a deactivated image', { status: 'deactivated' }, { kind: 'deactivate' }, /deactivated; only an active image/],
    ['reactivates a deactivated image', { status: 'deactivated' }, { kind: 'reactivate' }, undefined],
    ['skips reactivating an active image', {}, { kind: 'reactivate' }, /active; only a deactivated image can be reactivated/],
    ['hides a listed image', {}, { kind: 'hide' }, undefined],
    ['skips hiding a hidden image', { os_hidden: true }, { kind: 'hide' }, /already hidden/],
    ['unhides a hidden image', { os_hidden: true }, { kind: 'unhide' }, undefined],
    ['skips unhiding a listed image', {}, { kind: 'unhide' }, /not hidden/],
    ['protects an unprotected image', {}, { kind: 'protect' }, undefined],
    ['skips protecting a protected image', { protected: true }, { kind: 'protect' }, /already protected/],
    ['unprotects a protected image', { protected: true }, { kind: 'unprotect' }, undefined],
    ['skips unprotecting an unprotected image', {}, { kind: 'unprotect' }, /not protected/],
    ['adds a missing tag', { tags: ['a'] }, { kind: 'add-tag', tag: 'b' }, undefined],
    ['skips adding a tag the image has', { tags: ['a', 'b'] }, { kind: 'add-tag', tag: 'b' }, /already has the tag "b"/],
    ['removes a tag the image has', { tags: ['a/b'] }, { kind: 'remove-tag', tag: 'a/b' }, undefined],
    ['skips removing a tag the image lacks', { tags: ['a'] }, { kind: 'remove-tag', tag: 'b' }, /has no tag "b"/],
    ['leaves what a role may do to Glance (policies differ per cloud)', { visibility: 'community' }, { kind: 'deactivate' }, undefined],
  ])('%s', (_, fields, action, expected) => {
    const reason = skipReason(image('x', fields), action);
    if (expected) expect(reason).toMatch(expected);
    else expect(reason).toBeUndefined();
  });
});

describe('planBulk', () => {
  it('splits the selection into what the action applies to and what it skips, in order', () => {
    const selection = [image('a'), image('b', { status: 'queued' }), image('c'), image('d', { status: 'deactivated' }), image('e', { visibility: 'public' })];
    const plan = planBulk(selection, { kind: 'deactivate' });
    expect(plan.apply.map((entry) => entry.id)).toEqual(['a', 'c', 'e']);
    expect(plan.skip.map(({ image: entry }) => entry.id)).toEqual(['b', 'd']);
    expect(planBulk(selection, { kind: 'reactivate' }).apply.map((entry) => entry.id)).toEqual(['d']);
  });
});

describe('mergeOutcomes and summarizeOutcomes', () => {
  const selection = [image('a'), image('b', { protected: true }), image('c')];
  const plan = planBulk(selection, { kind: 'delete' });

  it('reports skipped images with their reason, in the selection’s order', () => {
    const outcomes = mergeOutcomes(selection, [
      { image: selection[2] as BulkImage, ok: true, message: 'done' },
      { image: selection[0] as BulkImage, ok: false, message: 'Forbidden: nope' },
    ], plan);
    expect(outcomes.map((outcome) => [outcome.image.id, outcome.ok, outcome.skipped ?? false, outcome.message])).toEqual([
      ['a', false, false, 'Forbidden: nope'],
      ['b', false, true, 'skipped: it is protected; unprotect it first'],
      ['c', true, false, 'done'],
    ]);
  });

  it.each<[string, BulkOutcome[], string]>([
    ['all done', [{ image: { id: 'a', name: 'a' }, ok: true, message: 'done' }, { image: { id: 'b', name: 'b' }, ok: true, message: 'done' }], 'All 2 done'],
    ['done and skipped', [{ image: { id: 'a', name: 'a' }, ok: true, message: 'done' }, { image: { id: 'b', name: 'b' }, ok: false, skipped: true, message: 'skipped: x' }], '1 done, 1 skipped'],
    ['a failure', [{ image: { id: 'a', name: 'a' }, ok: false, message: 'no' }, { image: { id: 'b', name: 'b' }, ok: true, message: 'done' }], '1 of 2 failed'],
    [
      'a failure and a skip',
      [{ image: { id: 'a', name: 'a' }, ok: false, message: 'no' }, { image: { id: 'b', name: 'b' }, ok: false, skipped: true, message: 'skipped: x' }, { image: { id: 'c', name: 'c' }, ok: true, message: 'done' }],
      '1 of 3 failed, 1 skipped',
    ],
  ])('titles %s', (_, outcomes, title) => {
    expect(summarizeOutcomes(outcomes)).toBe(title);
  });
});
