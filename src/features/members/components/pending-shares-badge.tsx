import { useQuery } from '@tanstack/react-query';
import { sharedWithMeQuery } from '@/features/members/api/member-queries';
import { usePermissions, useSession } from '@/lib/session';

/**
 * How many shares wait for this project's answer, for the navigation. It reads the same
 * cached list as the inbox's first tab (one request serves both) and never polls: answers
 * update it at once (optimistically), and it is read again when it is older than the
 * default stale time and the window regains focus, or after any write to members.
 */
export function PendingSharesBadge() {
  const session = useSession();
  const { isAdmin } = usePermissions();
  const pending = useQuery({
    ...sharedWithMeQuery(session.project.id, 'pending', isAdmin),
    select: (list) => list.images.length,
    refetchOnWindowFocus: true,
  });
  const count = pending.data ?? 0;
  if (count === 0) return null;
  return (
    <span className="ml-auto rounded-full bg-amber-200 px-1.5 text-xs font-semibold text-amber-950 tabular-nums dark:bg-amber-700 dark:text-amber-50">
      <span aria-hidden>{count}</span>
      <span className="sr-only">{`, ${count} waiting for an answer`}</span>
    </span>
  );
}
