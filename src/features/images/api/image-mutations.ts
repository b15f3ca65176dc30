import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { imageKeys } from '@/features/images/api/image-keys';
import { imageSchema, type Image } from '@/features/images/api/image-schema';
import { glance } from '@/lib/glance';
import { IMAGE_PATCH_MEDIA_TYPE, type PatchOp } from '@/lib/json-patch';

// Every write to an image, and the one rule for what each write makes stale (imageWritten).

const imagePath = (id: string) => `v2/images/${encodeURIComponent(id)}`;

export function patchImage(id: string, ops: readonly PatchOp[]): Promise<Image> {
  return glance().json(imagePath(id), imageSchema, { method: 'PATCH', json: ops, contentType: IMAGE_PATCH_MEDIA_TYPE });
}

export async function deleteImage(id: string): Promise<void> {
  await glance().send(imagePath(id), { method: 'DELETE' });
}

export async function setImageActive(id: string, active: boolean): Promise<void> {
  await glance().send(`${imagePath(id)}/actions/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' });
}

export async function addImageTag(id: string, tag: string): Promise<void> {
  await glance().send(`${imagePath(id)}/tags/${encodeURIComponent(tag)}`, { method: 'PUT' });
}

export async function removeImageTag(id: string, tag: string): Promise<void> {
  await glance().send(`${imagePath(id)}/tags/${encodeURIComponent(tag)}`, { method: 'DELETE' });
}

/** What a write did to one image: `image` is the server's answer (a PATCH), `deleted` that it is gone. */
export interface ImageWrite {
  id: string;
  image?: Image;
  deleted?: boolean;
}

/**
 * After any write to images. Each image's detail (with its members and tasks) takes the
 * server's answer, is dropped if the image was deleted, or is read again; every list is stale.
 */
export async function imageWritten(queryClient: QueryClient, writes: ImageWrite | readonly ImageWrite[]): Promise<void> {
  const reads: Promise<void>[] = [];
  for (const { id, image, deleted } of Array.isArray(writes) ? writes : [writes]) {
    if (deleted) queryClient.removeQueries({ queryKey: imageKeys.detail(id) });
    else if (image) queryClient.setQueryData(imageKeys.detail(id), image);
    else reads.push(queryClient.invalidateQueries({ queryKey: imageKeys.detail(id) }));
  }
  reads.push(queryClient.invalidateQueries({ queryKey: imageKeys.lists() }));
  await Promise.all(reads);
}

/** One atomic PATCH; the answer (the whole image) goes straight into the detail cache. */
export function useUpdateImage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ops }: { id: string; ops: readonly PatchOp[] }) => patchImage(id, ops),
    onSuccess: (image) => imageWritten(queryClient, { id: image.id, image }),
  });
}

export function useDeleteImage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteImage(id),
    onSuccess: (_, id) => imageWritten(queryClient, { id, deleted: true }),
  });
}

export function useSetImageActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => setImageActive(id, active),
    onSettled: (_, __, { id }) => imageWritten(queryClient, { id }),
  });
}
