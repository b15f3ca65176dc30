import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { imageKeys } from '@/features/images/api/image-keys';
import { addImageTag, deleteImage, patchImage, removeImageTag, setImageActive } from '@/features/images/api/image-mutations';
import { imageListSchema, TRANSIENT_STATUSES, type Image } from '@/features/images/api/image-schema';
import { describeError } from '@/lib/api-error';
import { glance, keystoneWithSession } from '@/lib/glance';
import type { QueryParams } from '@/lib/http';
import { pointer } from '@/lib/json-patch';

/** One page of GET /v2/images for a Glance query (the query is the key). */
export const imageListQuery = (query: QueryParams) =>
  queryOptions({
    queryKey: imageKeys.list(query),
    queryFn: ({ signal }) => glance().json('v2/images', imageListSchema, { query, signal }),
    placeholderData: keepPreviousData,
    // Only pages showing images on their way somewhere refresh; nothing else polls.
    refetchInterval: (q) => (q.state.data?.images.some((image) => TRANSIENT_STATUSES.has(image.status)) ? 3000 : false),
  });

const enumSchema = z.looseObject({ enum: z.array(z.string().nullable()).optional() });
const imageJsonSchema = z.looseObject({
  properties: z.looseObject({ disk_format: enumSchema.optional(), container_format: enumSchema.optional() }),
});

/** Allowed formats come from the server's own schema (they are deployment config). */
export const imageFormatsQuery = () =>
  queryOptions({
    queryKey: [...imageKeys.schema(), 'formats'] as const,
    queryFn: async ({ signal }) => {
      const schema = await glance().json('v2/schemas/image', imageJsonSchema, { signal });
      const values = (entry: z.infer<typeof enumSchema> | undefined) => (entry?.enum ?? []).filter((value): value is string => !!value);
      return { diskFormats: values(schema.properties.disk_format), containerFormats: values(schema.properties.container_format) };
    },
    staleTime: Infinity,
  });

const projectsSchema = z.looseObject({ projects: z.array(z.looseObject({ id: z.string(), name: z.string() })) });

/**
 * Project names for the owner column: every project for those allowed to list them
 * (admins), otherwise the user's own projects; unknown owners stay as IDs.
 */
/**
 * Project names by ID. Admins may list every project; everyone else (and an admin whom
 * Keystone refuses) gets the names of their own projects, without a doomed call first.
 */
export const projectNamesQuery = (userId: string, isAdmin: boolean) =>
  queryOptions({
    queryKey: ['project-names', userId, isAdmin] as const,
    queryFn: async ({ signal }) => {
      const keystone = keystoneWithSession();
      const names = new Map<string, string>();
      for (const path of isAdmin ? ['projects', 'auth/projects'] : ['auth/projects']) {
        try {
          const body = await keystone.json(path, projectsSchema, { signal });
          for (const project of body.projects) names.set(project.id, project.name);
          return names;
        } catch {
          // not allowed to list every project: fall back to the user's own
        }
      }
      return names;
    },
    staleTime: 10 * 60_000,
  });

/** Fetches the image data with the token and hands it to the browser as a file. */
export async function downloadImage(image: Image): Promise<void> {
  const response = await glance().send(`v2/images/${encodeURIComponent(image.id)}/file`, {
    headers: { Accept: 'application/octet-stream' },
  });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${image.name ?? image.id}.${image.disk_format ?? 'img'}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type BulkAction =
  | { kind: 'delete' }
  | { kind: 'deactivate' }
  | { kind: 'reactivate' }
  | { kind: 'hide' }
  | { kind: 'unhide' }
  | { kind: 'protect' }
  | { kind: 'unprotect' }
  | { kind: 'add-tag'; tag: string }
  | { kind: 'remove-tag'; tag: string };

export interface BulkResult {
  image: Pick<Image, 'id' | 'name'>;
  ok: boolean;
  message: string;
}

function runOne(image: Image, action: BulkAction): Promise<unknown> {
  switch (action.kind) {
    case 'delete':
      return deleteImage(image.id);
    case 'deactivate':
      return setImageActive(image.id, false);
    case 'reactivate':
      return setImageActive(image.id, true);
    case 'hide':
    case 'unhide':
      return patchImage(image.id, [{ op: 'replace', path: pointer('os_hidden'), value: action.kind === 'hide' }]);
    case 'protect':
    case 'unprotect':
      return patchImage(image.id, [{ op: 'replace', path: pointer('protected'), value: action.kind === 'protect' }]);
    case 'add-tag':
      // A tag with '/' cannot travel in the tag endpoint's URL: replace the whole array instead.
      return action.tag.includes('/')
        ? patchImage(image.id, [{ op: 'replace', path: pointer('tags'), value: [...new Set([...image.tags, action.tag])] }])
        : addImageTag(image.id, action.tag);
    case 'remove-tag':
      return action.tag.includes('/')
        ? patchImage(image.id, [{ op: 'replace', path: pointer('tags'), value: image.tags.filter((tag) => tag !== action.tag) }])
        : removeImageTag(image.id, action.tag);
  }
}

/** Applies one action to many images, four at a time, and reports each image's outcome. */
export async function runBulk(images: readonly Image[], action: BulkAction, onProgress?: (done: number) => void): Promise<BulkResult[]> {
  const results: BulkResult[] = new Array<BulkResult>(images.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < images.length) {
      const index = next++;
      const image = images[index] as Image;
      try {
        await runOne(image, action);
        results[index] = { image, ok: true, message: 'done' };
      } catch (error) {
        const { title, detail } = describeError(error);
        results[index] = { image, ok: false, message: `${title}: ${detail}` };
      }
      onProgress?.(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(4, images.length) }, worker));
  return results;
}

export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ images, action, onProgress }: { images: readonly Image[]; action: BulkAction; onProgress?: (done: number) => void }) =>
      runBulk(images, action, onProgress),
    onSettled: () => queryClient.invalidateQueries({ queryKey: imageKeys.all }),
  });
}
