import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { memberKeys } from '@/features/members/api/member-keys';
import { memberListSchema, memberSchema, sharedImagePageSchema, type Member, type MemberStatus, type SharedImage } from '@/features/members/api/member-schema';
import { sharedWithProject, type AdminMemberships, type SharedList } from '@/features/members/api/shared-with-me';
import { isApiError } from '@/lib/api-error';
import { glance } from '@/lib/glance';
import { mapSettledWithLimit } from '@/lib/map-limit';

const PAGE_SIZE = 1000; // Glance's api_limit_max default
/** Pages fetched at most; the project's own shared images share the listing, so it is read whole. */
export const MAX_SHARED_PAGES = 5;
export const MAX_SHARED_IMAGES = MAX_SHARED_PAGES * PAGE_SIZE;
/** Membership checks in flight at once for an admin's inbox. */
const MEMBERSHIP_CHECKS = 6;

const membersPath = (imageId: string) => `v2/images/${encodeURIComponent(imageId)}/members`;

/** Reads `visibility=shared` pages (whole, up to MAX_SHARED_PAGES) and keeps other projects' images. */
async function fetchSharedPages(query: { member_status: MemberStatus | 'all' }, projectId: string, signal?: AbortSignal): Promise<SharedList> {
  const images: SharedImage[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_SHARED_PAGES; page += 1) {
    const body = await glance().json('v2/images', sharedImagePageSchema, {
      query: { visibility: 'shared', ...query, limit: PAGE_SIZE, marker },
      signal,
    });
    images.push(...sharedWithProject(body.images, projectId));
    marker = body.images.at(-1)?.id;
    if (!body.next || !marker) return { images, truncated: false };
  }
  return { images, truncated: true };
}

/**
 * Every image other projects shared with `projectId` in one member status. Glance cannot
 * leave the caller's own shared images out, so whole pages are read and filtered here;
 * paging by marker would give pages of uneven (even zero) length.
 */
export function fetchSharedWithMe(status: MemberStatus, projectId: string, signal?: AbortSignal): Promise<SharedList> {
  return fetchSharedPages({ member_status: status }, projectId, signal);
}

/** One project's membership of an image, or null when it is not a member (Glance's 404). */
export async function fetchMembership(imageId: string, projectId: string, signal?: AbortSignal): Promise<Member | null> {
  try {
    return await glance().json(`${membersPath(imageId)}/${encodeURIComponent(projectId)}`, memberSchema, { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/**
 * An admin's inbox. For an admin Glance ignores member_status and lists every shared image
 * in the cloud, so each candidate is checked with GET /members/{project}: only images where
 * the project really is a member stay, each with its real status.
 */
export async function fetchAdminMemberships(projectId: string, signal?: AbortSignal): Promise<AdminMemberships> {
  const candidates = await fetchSharedPages({ member_status: 'all' }, projectId, signal);
  const checked = await mapSettledWithLimit(candidates.images, MEMBERSHIP_CHECKS, (image) => fetchMembership(image.id, projectId, signal));
  const entries: AdminMemberships['entries'] = [];
  checked.forEach((result, index) => {
    if (result.status === 'rejected') throw result.reason;
    if (result.value) entries.push({ image: candidates.images[index] as SharedImage, status: result.value.status });
  });
  return { entries, truncated: candidates.truncated };
}

const adminMembershipsQuery = (projectId: string) =>
  queryOptions({
    queryKey: memberKeys.adminMemberships(projectId),
    queryFn: ({ signal }) => fetchAdminMemberships(projectId, signal),
    // The three tabs and the badge read it; one check of every candidate serves them all for a while.
    staleTime: 30_000,
  });

async function adminSharedList(client: QueryClient, projectId: string, status: MemberStatus): Promise<SharedList> {
  const { entries, truncated } = await client.fetchQuery(adminMembershipsQuery(projectId));
  return { images: entries.filter((entry) => entry.status === status).map((entry) => entry.image), truncated };
}

/** What is shared with `projectId` in one status; the inbox's tabs and the navigation badge share it. */
export const sharedWithMeQuery = (projectId: string, status: MemberStatus, isAdmin: boolean) =>
  // isAdmin follows from the token's roles in this project, and switching project clears the cache.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  queryOptions({
    queryKey: memberKeys.sharedList(projectId, status),
    queryFn: ({ signal, client }) => (isAdmin ? adminSharedList(client, projectId, status) : fetchSharedWithMe(status, projectId, signal)),
  });

/**
 * The member statuses of each image (GET /members per image, a few at a time), for an
 * admin's catalogue filtered by member status (Glance does not apply that filter to admins).
 * An image without members maps to an empty list; a failed read fails the whole call.
 */
export async function memberStatusesOf(imageIds: readonly string[], signal?: AbortSignal): Promise<Map<string, MemberStatus[]>> {
  const read = await mapSettledWithLimit(imageIds, MEMBERSHIP_CHECKS, async (imageId) =>
    (await glance().json(membersPath(imageId), memberListSchema, { signal })).members.map((member) => member.status),
  );
  const statuses = new Map<string, MemberStatus[]>();
  read.forEach((result, index) => {
    if (result.status === 'rejected') throw result.reason;
    statuses.set(imageIds[index] as string, result.value);
  });
  return statuses;
}

export const memberQueries = {
  /** The owner (or an admin) gets every member; a member gets only its own entry. Only shared images have members. */
  list: (imageId: string) =>
    queryOptions({
      queryKey: memberKeys.image(imageId),
      queryFn: async ({ signal }) => (await glance().json(membersPath(imageId), memberListSchema, { signal })).members,
    }),
  membership: (imageId: string, projectId: string) =>
    queryOptions({
      queryKey: memberKeys.membership(imageId, projectId),
      queryFn: ({ signal }) => fetchMembership(imageId, projectId, signal),
    }),
};
