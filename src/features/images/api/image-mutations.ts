import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { imageKeys } from '@/features/images/api/image-keys';
import { imageSchema, type Image } from '@/features/images/api/image-schema';
import { glance } from '@/lib/glance';
import { IMAGE_PATCH_MEDIA_TYPE, type PatchOp } from '@/lib/json-patch';

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

/** After any write to an image: its detail and every list are stale. */
export function invalidateImage(queryClient: QueryClient, id: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: imageKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: imageKeys.lists() }),
  ]).then(() => undefined);
}

/** One atomic PATCH; the answer (the whole image) goes straight into the detail cache. */
export function useUpdateImage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ops }: { id: string; ops: readonly PatchOp[] }) => patchImage(id, ops),
    onSuccess: (image) => {
      queryClient.setQueryData(imageKeys.detail(image.id), image);
      return queryClient.invalidateQueries({ queryKey: imageKeys.lists() });
    },
  });
}

export function useDeleteImage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteImage(id),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: imageKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: imageKeys.lists() });
    },
  });
}

export function useSetImageActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => setImageActive(id, active),
    onSettled: (_, __, { id }) => invalidateImage(queryClient, id),
  });
}
