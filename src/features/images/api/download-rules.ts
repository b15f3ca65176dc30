import type { Image } from '@/features/images/api/image-schema';

/**
 * Who may download an image's data: not readers (Glance's download_image policy wants a member
 * role), only images that have data, and a deactivated image's data is for admins only.
 */
export function canDownloadImage(image: Pick<Image, 'status'>, { canWrite, isAdmin }: { canWrite: boolean; isAdmin: boolean }): boolean {
  return canWrite && (image.status === 'active' || (image.status === 'deactivated' && isAdmin));
}
