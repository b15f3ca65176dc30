import type { MemberStatus } from '@/features/members/api/member-schema';

// The one key factory for sharing, from general to specific, so one prefix invalidates a
// whole branch: an image's members (the owner's side), and what is shared with a project
// (the member's side).
export const memberKeys = {
  all: ['members'] as const,
  images: () => [...memberKeys.all, 'image'] as const,
  /** GET /v2/images/{id}/members: the whole list (the owner, an admin) or one's own entry (a member). */
  image: (imageId: string) => [...memberKeys.images(), imageId] as const,
  /** GET /v2/images/{id}/members/{project}: one project's membership. */
  membership: (imageId: string, projectId: string) => [...memberKeys.image(imageId), 'of', projectId] as const,
  sharedWithMe: (projectId: string) => [...memberKeys.all, 'shared-with-me', projectId] as const,
  sharedList: (projectId: string, status: MemberStatus) => [...memberKeys.sharedWithMe(projectId), status] as const,
  /** An admin's memberships, checked image by image (Glance's member_status filter does not apply to admins). */
  adminMemberships: (projectId: string) => [...memberKeys.sharedWithMe(projectId), 'admin-checked'] as const,
};
