// Query keys for images, from general to specific, so invalidation can target a prefix.
export const imageKeys = {
  all: ['images'] as const,
  lists: () => [...imageKeys.all, 'list'] as const,
  list: (params: Record<string, unknown>) => [...imageKeys.lists(), params] as const,
  details: () => [...imageKeys.all, 'detail'] as const,
  detail: (id: string) => [...imageKeys.details(), id] as const,
  members: (id: string) => [...imageKeys.detail(id), 'members'] as const,
  tasks: (id: string) => [...imageKeys.detail(id), 'tasks'] as const,
  schema: () => [...imageKeys.all, 'schema'] as const,
  usage: () => [...imageKeys.all, 'usage'] as const,
};
