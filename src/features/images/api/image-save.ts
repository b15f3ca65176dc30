import { useMutation, useQueryClient } from '@tanstack/react-query';
import { imageWritten, patchImage } from '@/features/images/api/image-mutations';
import { EDITABLE_BASE, extraProperties, imageSchema, type Image } from '@/features/images/api/image-schema';
import { glance } from '@/lib/glance';
import { buildImagePatch, rebasePatch, type EditableImage, type PatchOp } from '@/lib/json-patch';

// The edit form's save: conflict-checked, because Glance has no ETag.

export function toEditable(image: Image): EditableImage {
  const base: EditableImage['base'] = {};
  for (const key of EDITABLE_BASE) {
    const value = image[key];
    base[key] = value === undefined ? null : (value as string | number | boolean | null);
  }
  // Glance keeps os_glance_* for itself: shown, never edited.
  const extras = Object.fromEntries(Object.entries(extraProperties(image)).filter(([key]) => !key.startsWith('os_glance_')));
  return { base, extras, tags: [...image.tags] };
}

/** The image changed on the server since the form loaded it. */
export class ImageConflict extends Error {
  override readonly name = 'ImageConflict';
  constructor(readonly server: Image) {
    super('The image changed on the server since you opened it.');
  }
}

export type SaveMode = 'check' | 'merge' | 'overwrite';

/**
 * Glance has no ETag and no `test` op, so the image is read again just before saving. If it
 * changed since the form loaded it, nothing is sent and ImageConflict carries the server's
 * version; the user then merges (their changes on top of the server's) or overwrites.
 */
export function useSaveImage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ loaded, edited, mode }: { loaded: Image; edited: EditableImage; mode: SaveMode }): Promise<Image> => {
      const server = await glance().json(`v2/images/${encodeURIComponent(id)}`, imageSchema);
      const serverEditable = toEditable(server);
      const loadedEditable = toEditable(loaded);
      const changedOnServer = server.updated_at !== loaded.updated_at || buildImagePatch(loadedEditable, serverEditable).length > 0;
      let ops: PatchOp[];
      if (mode === 'overwrite') ops = buildImagePatch(serverEditable, edited);
      else if (changedOnServer && mode === 'check') throw new ImageConflict(server);
      else ops = mode === 'merge' ? rebasePatch(buildImagePatch(loadedEditable, edited), serverEditable, loadedEditable) : buildImagePatch(loadedEditable, edited);
      if (ops.length === 0) return server;
      return patchImage(id, ops);
    },
    onSuccess: (image) => imageWritten(queryClient, { id, image }),
  });
}
