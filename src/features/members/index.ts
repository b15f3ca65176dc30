// The members feature's public entry point: what src/app/ and other features may use.
// Its page (Shared with me) and the navigation badge are lazy loaders in pages.ts.
export { ImageMembersSection } from '@/features/members/components/image-members-section';
export { MembersLoseAccessWarning } from '@/features/members/components/members-lose-access-warning';
// An admin's catalogue filtered by member status reads members image by image.
export { memberStatusesOf } from '@/features/members/api/member-queries';
export type { MemberStatus } from '@/features/members/api/member-schema';
