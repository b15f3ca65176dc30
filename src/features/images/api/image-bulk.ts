import { useMutation, useQueryClient } from '@tanstack/react-query';
import { addImageTag, deleteImage, imageWritten, patchImage, removeImageTag, setImageActive } from '@/features/images/api/image-mutations';
import type { Image } from '@/features/images/api/image-schema';
import { describeError } from '@/lib/api-error';
import { pointer } from '@/lib/json-patch';
import { mapSettledWithLimit } from '@/lib/map-limit';

// One action applied to many images (the list's bulk bar).

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
async function runBulk(images: readonly Image[], action: BulkAction, onProgress?: (done: number) => void): Promise<BulkResult[]> {
  let done = 0;
  const settled = await mapSettledWithLimit(images, 4, async (image) => {
    try {
      await runOne(image, action);
    } finally {
      onProgress?.(++done);
    }
  });
  return settled.map((outcome, index): BulkResult => {
    const image = images[index] as Image;
    if (outcome.status === 'fulfilled') return { image, ok: true, message: 'done' };
    const { title, detail } = describeError(outcome.reason);
    return { image, ok: false, message: `${title}: ${detail}` };
  });
}

export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ images, action, onProgress }: { images: readonly Image[]; action: BulkAction; onProgress?: (done: number) => void }) =>
      runBulk(images, action, onProgress),
    // Every image was (perhaps) written; the ones deleted are gone.
    onSettled: (results, _error, { images, action }) =>
      imageWritten(
        queryClient,
        images.map((image, index) => ({ id: image.id, deleted: action.kind === 'delete' && results?.[index]?.ok === true })),
      ),
  });
}
