import { IMAGES_QUERY_ROOT } from '@/lib/image-ref';

// Query keys for images, from general to specific, so invalidation can target a prefix.
// (An image's members are the members feature's: memberKeys.)
export const imageKeys = {
  all: IMAGES_QUERY_ROOT,
  lists: () => [...imageKeys.all, 'list'] as const,
  list: (params: Record<string, unknown>) => [...imageKeys.lists(), params] as const,
  details: () => [...imageKeys.all, 'detail'] as const,
  detail: (id: string) => [...imageKeys.details(), id] as const,
  tasks: (id: string) => [...imageKeys.detail(id), 'tasks'] as const,
  schema: () => [...imageKeys.all, 'schema'] as const,
  usage: () => [...imageKeys.all, 'usage'] as const,
};
