import { useQuery } from '@tanstack/react-query';
import { memberQueries } from '@/features/members/api/member-queries';

type Away = 'private' | 'public' | 'community';

function projects(count: number): string {
  return count === 1 ? 'One project' : `${count} projects`;
}

/**
 * Shown when a shared image is about to become private, public or community: its members'
 * access depends on it staying shared, and the count makes that concrete.
 */
export function MembersLoseAccessWarning({ imageId, to }: { imageId: string; to: Away }) {
  const members = useQuery(memberQueries.list(imageId));
  const count = members.data?.length;
  let text: string;
  if (count === 0) text = 'It is not shared with any project, so no member loses anything.';
  else if (count === undefined) text = 'The projects it is shared with stop seeing it as a shared image.';
  else if (to === 'private') text = `${projects(count)} it is shared with ${count === 1 ? 'loses' : 'lose'} access now.`;
  else if (to === 'community')
    text = `${projects(count)} it is shared with no longer ${count === 1 ? 'sees' : 'see'} it in ${count === 1 ? 'its' : 'their'} image list (it stays usable by ID, like any community image).`;
  else text = `${projects(count)} it is shared with keep${count === 1 ? 's' : ''} it only because every project can now see it; the memberships stop counting until it is shared again.`;
  return <p className="mt-2 font-medium text-amber-800 dark:text-amber-300">{text}</p>;
}
