import { describe, expect, it } from 'vitest';
import { parseTagList, splitNewTags, tagNameProblem, unaddressableTag } from '@/features/metadefs/api/tag-rules';
import { tagListParams, toTagQuery } from '@/features/metadefs/api/tag-list-params';
import { associationBody, associationFormSchema } from '@/features/metadefs/api/association-api';

describe('tag names', () => {
  it('refuses what Glance refuses (over 80 characters) and what it could not address later (empty, "/")', () => {
    expect(tagNameProblem('ok tag')).toBeUndefined();
    expect(tagNameProblem('x'.repeat(80))).toBeUndefined();
    expect(tagNameProblem('x'.repeat(81))).toMatch('at most 80');
    expect(tagNameProblem('')).toMatch('Enter');
    expect(tagNameProblem('a/b')).toMatch('"/"');
    expect(unaddressableTag('a/b')).toMatch('Delete all tags');
    expect(unaddressableTag('')).toMatch('empty name');
    expect(unaddressableTag('a b')).toBeUndefined();
  });

  it('reads a pasted list: lines or commas, trimmed, blanks and repeats in any case dropped, bad names named', () => {
    expect(parseTagList(' a, b\nB\n\n c ,a,' + 'x'.repeat(81) + '\nd/e')).toEqual({
      names: ['a', 'b', 'c'],
      problems: [
        { name: 'x'.repeat(81), problem: expect.stringMatching('at most 80') as unknown },
        { name: 'd/e', problem: expect.stringMatching('"/"') as unknown },
      ],
    });
    expect(parseTagList(' , \n')).toEqual({ names: [], problems: [] });
  });

  it('keeps out names the namespace has, compared without case', () => {
    expect(splitNewTags(['Alpha', 'beta', 'gamma'], ['alpha', 'GAMMA', 'delta'])).toEqual({ added: ['beta'], existing: ['Alpha', 'gamma'] });
  });
});

describe('tag list URL and query', () => {
  it('sorts by name A–Z by default and asks for one tag more than the page shows', () => {
    const state = tagListParams.decode(new URLSearchParams(''));
    expect(toTagQuery(state)).toEqual({ limit: 51, marker: undefined, sort_key: 'name', sort_dir: 'asc' });
    expect(tagListParams.encode(state).toString()).toBe('');
  });

  it('reads the sort and the marker from the URL, and falls back on junk', () => {
    const state = tagListParams.decode(new URLSearchParams('sort=created-desc&limit=25&marker=t9&trail='));
    expect(toTagQuery(state)).toEqual({ limit: 26, marker: 't9', sort_key: 'created_at', sort_dir: 'desc' });
    expect(tagListParams.decode(new URLSearchParams('sort=bogus')).sort).toBe('name-asc');
    expect(tagListParams.change(state, { sort: 'name-desc' })).toMatchObject({ sort: 'name-desc', marker: '', trail: [] });
  });
});

describe('resource type associations', () => {
  it('sends only the fields that are set', () => {
    expect(associationBody({ name: 'OS::Glance::Image', prefix: 'x_', propertiesTarget: '' })).toEqual({ name: 'OS::Glance::Image', prefix: 'x_' });
    expect(associationBody({ name: 'OS::Cinder::Volume', prefix: '', propertiesTarget: 'image' })).toEqual({ name: 'OS::Cinder::Volume', properties_target: 'image' });
  });

  it('validates what Glance validates: a name, 80 characters each', () => {
    const issues = (values: Record<string, string>) =>
      associationFormSchema.safeParse({ name: '', prefix: '', propertiesTarget: '', ...values }).error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(issues({ name: 'OS::Glance::Image' })).toEqual([]);
    expect(issues({})).toEqual(['name']);
    expect(issues({ name: 'a/b' })).toEqual(['name']);
    expect(issues({ name: 'OS::Glance::Image', prefix: 'p'.repeat(81), propertiesTarget: 't'.repeat(81) })).toEqual(['prefix', 'propertiesTarget']);
  });
});
