import { z } from 'zod';

// Every route path in one place; links are built with these helpers.
export const paths = {
  login: '/login',
  images: '/images',
  image: (id: string) => `/images/${encodeURIComponent(id)}`,
  /** The detail page with its edit form open (the page reads `edit=1`). */
  imageEdit: (id: string) => `/images/${encodeURIComponent(id)}?edit=1`,
  imagePattern: '/images/:imageId',
  sharedWithMe: '/shared',
  metadefs: '/metadefs',
  metadefNamespace: (namespace: string) => `/metadefs/${encodeURIComponent(namespace)}`,
  metadefNamespacePattern: '/metadefs/:namespace',
  tasks: '/tasks',
} as const;

// The login page's location state: where to go back to after signing in.
const loginStateSchema = z.looseObject({ from: z.string() });

export const loginState = (from: string) => ({ from });

/** After signing in: the page that asked for a login (from its location state), else the images list. */
export function afterLogin(state: unknown): string {
  const parsed = loginStateSchema.safeParse(state);
  return parsed.success && parsed.data.from !== paths.login ? parsed.data.from : paths.images;
}
