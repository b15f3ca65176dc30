import { useMutation, useQueryClient } from '@tanstack/react-query';
import { imageKeys } from '@/features/images/api/image-keys';
import { imageWritten } from '@/features/images/api/image-mutations';
import { imageSchema, type Image } from '@/features/images/api/image-schema';
import { glance } from '@/lib/glance';

// POST /v2/images: the record of a new image (status queued, no data yet). Pessimistic: the
// image appears once Glance answered 201; its data is the transfers feature's business.

export function createImageRecord(body: Record<string, unknown>): Promise<Image> {
  return glance().json('v2/images', imageSchema, { method: 'POST', json: body });
}

/** Creates one image record; the answer goes into the detail cache, lists and quota usage go stale. */
export function useCreateImage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => createImageRecord(body),
    onSuccess: async (image) => {
      await imageWritten(queryClient, { id: image.id, image });
      await queryClient.invalidateQueries({ queryKey: imageKeys.usage() });
    },
  });
}
