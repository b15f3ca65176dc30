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
