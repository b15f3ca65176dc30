// What more than one feature knows about an image without depending on the images feature
// (the images feature shows the members feature's section, so members cannot import images):
// how an image is named on screen, and the root of the images query cache.

/** What an image is called on screen: its name, or its ID when it has none (null or empty: the CLI can set ''). */
export function imageLabel(image: { id: string; name?: string | null | undefined }): string {
  return image.name || image.id;
}

/** The images feature's query-key root (imageKeys.all): invalidating it refreshes every image list and detail. */
export const IMAGES_QUERY_ROOT = ['images'] as const;
