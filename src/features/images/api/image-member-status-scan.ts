// An administrator's catalogue filtered by member status. Glance applies member_status only
// to the caller's own memberships; for an admin it ignores it and lists every shared image.
// So Loupe reads the shared images in Glance's order (every other filter and the sort still
// go to Glance), reads each one's members, and keeps those with a member in that status
// ("all": any member). A page ends after `limit` matches or after SCAN_MAX images read; it
// then says where the next page resumes, so marker paging works as on any other list.
import type { MemberStatus } from '@/features/members';
import { imageListSchema, type Image, type ImageList } from '@/features/images/api/image-schema';
import { glance } from '@/lib/glance';
import type { QueryParams } from '@/lib/http';

/** Images read per Glance page: about the page size, so little is read past the last match. */
const scanPageSize = (limit: number) => Math.min(100, Math.max(20, limit));
/** Images read for one page at most (one members read each), so a rare status cannot read the whole cloud at once. */
export const SCAN_MAX = 1000;

/**
 * A list page as Glance's (`next` is present when there is more to read), plus the last image
 * read (the next page's marker, when the page's last match is not the last image read) and
 * how many images were read for it.
 */
export type ScannedImagePage = ImageList & { resumeAfter?: string; scanned: number };

export function hasMemberIn(statuses: readonly MemberStatus[] | undefined, wanted: MemberStatus | 'all'): boolean {
  if (!statuses) return false;
  return wanted === 'all' ? statuses.length > 0 : statuses.includes(wanted);
}

export async function scanByMemberStatus(query: QueryParams, wanted: MemberStatus | 'all', signal?: AbortSignal): Promise<ScannedImagePage> {
  const limit = Number(query.limit ?? 25);
  const found: Image[] = [];
  let marker = typeof query.marker === 'string' ? query.marker : undefined;
  let scanned = 0;
  // Members exist only on shared images; member_status itself would only be ignored.
  const base: QueryParams = { ...query, visibility: 'shared', member_status: undefined };
  // Loaded on first use: the members feature's entry point brings its components along.
  const { memberStatusesOf } = await import('@/features/members');
  while (scanned < SCAN_MAX) {
    const page = await glance().json('v2/images', imageListSchema, { query: { ...base, marker, limit: scanPageSize(limit) }, signal });
    const statuses = await memberStatusesOf(
      page.images.map((image) => image.id),
      signal,
    );
    for (const image of page.images) {
      scanned += 1;
      marker = image.id;
      if (hasMemberIn(statuses.get(image.id), wanted)) found.push(image);
      // A full page stops here; what follows this image is read for the next page.
      if (found.length === limit) return { images: found, next: marker, resumeAfter: marker, scanned };
    }
    if (!page.next || page.images.length === 0) return { images: found, scanned };
  }
  return { images: found, next: marker, resumeAfter: marker, scanned };
}
