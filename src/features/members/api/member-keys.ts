import type { MemberStatus } from '@/features/members/api/member-schema';

// From general to specific, so one prefix invalidates every shared-with-me list.
export const memberKeys = {
  all: ['members'] as const,
  sharedWithMe: (projectId: string) => [...memberKeys.all, 'shared-with-me', projectId] as const,
  sharedList: (projectId: string, status: MemberStatus) => [...memberKeys.sharedWithMe(projectId), status] as const,
};

/**
 * The images feature's key root (imageKeys.all). Features do not import each other, so
 * the prefix is spelled out: an answer changes what the image lists and the image's
 * members panel show.
 */
export const IMAGES_KEY_ROOT = ['images'] as const;
