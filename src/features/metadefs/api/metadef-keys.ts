// Query keys for metadefs, from general to specific. (The images feature keeps its own
// metadefs catalogue under ['metadefs', 'image-catalogue'], so invalidating `all` after a
// metadef write refreshes that too.)
export const metadefKeys = {
  all: ['metadefs'] as const,
  namespaceLists: () => [...metadefKeys.all, 'namespaces'] as const,
  namespaceList: (query: Record<string, unknown>) => [...metadefKeys.namespaceLists(), query] as const,
  namespace: (name: string) => [...metadefKeys.all, 'namespace', name] as const,
  properties: (name: string) => [...metadefKeys.namespace(name), 'properties'] as const,
  objects: (name: string) => [...metadefKeys.namespace(name), 'objects'] as const,
  tags: (name: string) => [...metadefKeys.namespace(name), 'tags'] as const,
  resourceTypes: () => [...metadefKeys.all, 'resource-types'] as const,
};
