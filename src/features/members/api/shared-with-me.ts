import { z } from 'zod';
import { defineListParams } from '@/components/list/list-params';
import { MEMBER_STATUSES, type MemberStatus, type SharedImage } from '@/features/members/api/member-schema';

// Pure rules of the "Shared with me" page: the status in the URL, the answers each status
// offers, and how an answer moves a row between the cached lists.

/** The page's URL: which answer's list is shown (not paged: the list is read whole). */
export const shareListParams = defineListParams({
  fields: z.object({ status: z.enum(MEMBER_STATUSES).catch('pending') }),
  urlNames: { status: 'status' },
  settings: ['status'],
});

/** `?status=` → a member status; anything else (or nothing) is the default, pending. */
export function readShareStatus(search: URLSearchParams): MemberStatus {
  return shareListParams.decode(search).status;
}

/** The search string for a status; the default stays out of the URL. */
export function shareStatusSearch(status: MemberStatus): string {
  const search = shareListParams.encode({ ...shareListParams.defaults, status }).toString();
  return search ? `?${search}` : '';
}

export interface ShareAnswer {
  to: MemberStatus;
  label: 'Accept' | 'Reject';
}

/** What a project can answer from each status (moving back to pending is not offered). */
export function answersFor(status: MemberStatus): ShareAnswer[] {
  const accept: ShareAnswer = { to: 'accepted', label: 'Accept' };
  const reject: ShareAnswer = { to: 'rejected', label: 'Reject' };
  switch (status) {
    case 'pending':
      return [accept, reject];
    case 'accepted':
      return [reject];
    case 'rejected':
      return [accept];
  }
}

export interface SharedList {
  images: SharedImage[];
  /** True when more images exist than Loupe fetched (see MAX_SHARED_PAGES). */
  truncated: boolean;
}

/** An admin's checked memberships: every image shared with the project, with its real status. */
export interface AdminMemberships {
  entries: { image: SharedImage; status: MemberStatus }[];
  truncated: boolean;
}

/** Glance's visibility=shared list holds the project's own shared images too: keep others' only. */
export function sharedWithProject(images: readonly SharedImage[], projectId: string): SharedImage[] {
  return images.filter((image) => image.owner !== projectId);
}

/** The optimistic move: the row leaves its list and heads the target list (if that one is cached). */
export function moveShare(
  lists: { from: SharedList | undefined; to: SharedList | undefined },
  image: SharedImage,
): { from: SharedList | undefined; to: SharedList | undefined } {
  return {
    from: lists.from && { ...lists.from, images: lists.from.images.filter((row) => row.id !== image.id) },
    to: lists.to && { ...lists.to, images: [image, ...lists.to.images.filter((row) => row.id !== image.id)] },
  };
}
