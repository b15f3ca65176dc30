// Query keys for metadefs, from general to specific: invalidating `all` after a metadef
// write refreshes every read, the images' catalogue included.
export const metadefKeys = {
  all: ['metadefs'] as const,
  namespaceLists: () => [...metadefKeys.all, 'namespaces'] as const,
  namespaceList: (query: Record<string, unknown>) => [...metadefKeys.namespaceLists(), query] as const,
  namespace: (name: string) => [...metadefKeys.all, 'namespace', name] as const,
  properties: (name: string) => [...metadefKeys.namespace(name), 'properties'] as const,
  objects: (name: string) => [...metadefKeys.namespace(name), 'objects'] as const,
  tags: (name: string) => [...metadefKeys.namespace(name), 'tags'] as const,
  resourceTypes: () => [...metadefKeys.all, 'resource-types'] as const,
  imageCatalogue: () => [...metadefKeys.all, 'image-catalogue'] as const,
};
