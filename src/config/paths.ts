import { z } from 'zod';

// Every route path in one place; links are built with these helpers.

/** The tabs of a metadefs namespace's page, each a place with its own URL. */
export const NAMESPACE_TABS = ['overview', 'properties', 'objects', 'tags', 'resource-types', 'json'] as const;
export type NamespaceTab = (typeof NAMESPACE_TABS)[number];
export const paths = {
  login: '/login',
  images: '/images',
  image: (id: string) => `/images/${encodeURIComponent(id)}`,
  /** The detail page with its edit form open (the page reads `edit=1`). */
  imageEdit: (id: string) => `/images/${encodeURIComponent(id)}?edit=1`,
  imagePattern: '/images/:imageId',
  sharedWithMe: '/shared',
  metadefs: '/metadefs',
  /** A namespace's page, on one of its tabs (overview when none is named). */
  metadefNamespace: (namespace: string, tab?: NamespaceTab) => `/metadefs/${encodeURIComponent(namespace)}${tab && tab !== 'overview' ? `/${tab}` : ''}`,
  metadefNamespacePattern: '/metadefs/:namespace/:tab?',
  /** Creating a namespace (form or JSON import); outside /metadefs/ so no namespace name can clash. */
  metadefCreate: '/new/metadef-namespace',
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
