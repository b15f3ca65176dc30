import { queryOptions } from '@tanstack/react-query';
import { memberKeys } from '@/features/members/api/member-keys';
import type { MemberStatus } from '@/features/images';
import { sharedImagePageSchema, type SharedImage } from '@/features/members/api/member-schema';
import { sharedWithProject, type SharedList } from '@/features/members/api/shared-with-me';
import { glance } from '@/lib/glance';

const PAGE_SIZE = 1000; // Glance's api_limit_max default
/** Pages fetched at most; the project's own shared images share the listing, so it is read whole. */
export const MAX_SHARED_PAGES = 5;
export const MAX_SHARED_IMAGES = MAX_SHARED_PAGES * PAGE_SIZE;

/**
 * Every image other projects shared with `projectId` in one member status. Glance cannot
 * leave the caller's own shared images out, so whole pages are read and filtered here;
 * paging by marker would give pages of uneven (even zero) length.
 */
export async function fetchSharedWithMe(status: MemberStatus, projectId: string, signal?: AbortSignal): Promise<SharedList> {
  const images: SharedImage[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_SHARED_PAGES; page += 1) {
    const body = await glance().json('v2/images', sharedImagePageSchema, {
      query: { visibility: 'shared', member_status: status, limit: PAGE_SIZE, marker },
      signal,
    });
    images.push(...sharedWithProject(body.images, projectId));
    marker = body.images.at(-1)?.id;
    if (!body.next || !marker) return { images, truncated: false };
  }
  return { images, truncated: true };
}

export const sharedWithMeQuery = (projectId: string, status: MemberStatus) =>
  queryOptions({
    queryKey: memberKeys.sharedList(projectId, status),
    queryFn: ({ signal }) => fetchSharedWithMe(status, projectId, signal),
  });
