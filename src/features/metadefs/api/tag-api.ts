import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { metadefKeys } from '@/features/metadefs/api/metadef-keys';
import { useMetadefWrite } from '@/features/metadefs/api/metadef-write';
import { tagsSchema } from '@/features/metadefs/api/metadef-schema';
import { splitNewTags } from '@/features/metadefs/api/tag-rules';
import { toTagQuery, type TagListState } from '@/features/metadefs/api/tag-list-params';
import { glance } from '@/lib/glance';

// A namespace's tags: one page of the list, and the writes (pessimistic; each invalidates every
// metadefs read, since the namespace document and its export carry the tags too).

const tagsPath = (namespace: string) => `v2/metadefs/namespaces/${encodeURIComponent(namespace)}/tags`;
const tagPath = (namespace: string, tag: string) => `${tagsPath(namespace)}/${encodeURIComponent(tag)}`;
const tagSchema = z.looseObject({ name: z.string() });

export interface TagPage {
  tags: { name: string }[];
  /** The page asked for one more tag than it shows; this is whether it came. */
  hasMore: boolean;
}

export const tagQueries = {
  page: (namespace: string, state: TagListState) => {
    const query = toTagQuery(state);
    return queryOptions({
      queryKey: [...metadefKeys.tags(namespace), query] as const,
      queryFn: async ({ signal }): Promise<TagPage> => {
        const { tags } = await glance().json(tagsPath(namespace), tagsSchema, { query, signal });
        const shown = Number(query.limit) - 1;
        return { tags: tags.slice(0, shown), hasMore: tags.length > shown };
      },
      placeholderData: keepPreviousData,
    });
  },
};

/** Every tag name of a namespace (Glance pages at most 1000 at a time). */
async function allTagNames(namespace: string): Promise<string[]> {
  const names: string[] = [];
  for (let marker: string | undefined; ; ) {
    const { tags } = await glance().json(tagsPath(namespace), tagsSchema, { query: { limit: 1000, marker, sort_key: 'name', sort_dir: 'asc' } });
    names.push(...tags.map((tag) => tag.name));
    if (tags.length < 1000) return names;
    marker = tags.at(-1)?.name;
  }
}

export interface AddTagsResult {
  added: string[];
  /** Names the namespace already had (in any case), so not sent. */
  existing: string[];
}

/**
 * Adds tags. One tag: POST …/tags/{name}. Several: POST …/tags with X-Openstack-Append, without
 * which Glance would replace every tag; Glance refuses the whole batch when one name exists, so
 * the names the namespace already has are left out first.
 */
async function addTags(namespace: string, names: readonly string[]): Promise<AddTagsResult> {
  if (names.length === 1) {
    const [name = ''] = names;
    await glance().json(tagPath(namespace, name), tagSchema, { method: 'POST' });
    return { added: [name], existing: [] };
  }
  const split = splitNewTags(names, await allTagNames(namespace));
  if (split.added.length > 0) {
    await glance().send(tagsPath(namespace), { method: 'POST', headers: { 'X-Openstack-Append': 'true' }, json: { tags: split.added.map((name) => ({ name })) } });
  }
  return split;
}

const useTagMutation = <Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) => useMetadefWrite(mutationFn, 'settled');

export const useAddTags = (namespace: string) => useTagMutation((names: readonly string[]) => addTags(namespace, names));

/** A rename refused before sending: another tag already has the name, in some case. */
export class TagNameTakenError extends Error {
  constructor(readonly taken: string) {
    super(`A tag named ${taken} already exists in this namespace.`);
  }
}

/**
 * PUT …/tags/{old} {"name": new}: Glance renames in place. It answers 409 only for the exact
 * name, yet creating compares names without case; so a name taken in another case is refused
 * here first, keeping the namespace's tags unique the way adding them does.
 */
async function renameTag(namespace: string, from: string, to: string): Promise<void> {
  const taken = (await allTagNames(namespace)).find((name) => name !== from && name.toLowerCase() === to.toLowerCase());
  if (taken !== undefined) throw new TagNameTakenError(taken);
  await glance().json(tagPath(namespace, from), tagSchema, { method: 'PUT', json: { name: to } });
}

export const useRenameTag = (namespace: string) => useTagMutation(({ from, to }: { from: string; to: string }) => renameTag(namespace, from, to));

/** DELETE …/tags/{name} (403 while the namespace is protected). */
export const useDeleteTag = (namespace: string) =>
  useTagMutation(async (name: string) => {
    await glance().send(tagPath(namespace, name), { method: 'DELETE' });
  });

/** DELETE …/tags: every tag of the namespace at once (403 while protected). */
export const useDeleteAllTags = (namespace: string) =>
  useTagMutation(async () => {
    await glance().send(tagsPath(namespace), { method: 'DELETE' });
  });
