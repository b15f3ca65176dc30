import type { MemberStatus } from '@/features/images';

// From general to specific, so one prefix invalidates every shared-with-me list.
export const memberKeys = {
  all: ['members'] as const,
  sharedWithMe: (projectId: string) => [...memberKeys.all, 'shared-with-me', projectId] as const,
  sharedList: (projectId: string, status: MemberStatus) => [...memberKeys.sharedWithMe(projectId), status] as const,
};

