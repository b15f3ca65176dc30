import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { PageHeader } from '@/components/ui/page';
import { EmptyState, ErrorPanel, Spinner } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { MEMBER_STATUSES, sharedWithMeQuery, useAnswerShare, type MemberStatus, type SharedImage } from '@/features/members/api/members-api';
import { describeError } from '@/lib/api-error';
import { formatAbsolute, formatBytes, formatRelative } from '@/lib/format';
import { usePermissions, useSession } from '@/lib/session';

const LABELS: Record<MemberStatus, string> = { pending: 'Waiting for you', accepted: 'Accepted', rejected: 'Rejected' };
const ACTIONS: Record<MemberStatus, { to: MemberStatus; label: string }[]> = {
  pending: [
    { to: 'accepted', label: 'Accept' },
    { to: 'rejected', label: 'Reject' },
  ],
  accepted: [{ to: 'rejected', label: 'Reject' }],
  rejected: [{ to: 'accepted', label: 'Accept' }],
};
const EMPTY: Record<MemberStatus, string> = {
  pending: 'Nothing is waiting for you. Images other projects share with yours appear here until you accept or reject them.',
  accepted: 'You have not accepted any shared image. Accepted images appear in your image list.',
  rejected: 'You have not rejected any shared image.',
};

function parseStatus(value: string | null): MemberStatus {
  return MEMBER_STATUSES.find((status) => status === value) ?? 'pending';
}

export function SharedWithMePage() {
  const session = useSession();
  const { canWrite } = usePermissions();
  const [search, setSearch] = useSearchParams();
  const status = parseStatus(search.get('status'));
  const list = useQuery(sharedWithMeQuery(status, session.project.id));
  const answer = useAnswerShare(session.project.id);

  const respond = (image: SharedImage, to: MemberStatus) =>
    answer.mutate(
      { image, from: status, status: to },
      {
        onSuccess: () => toast('success', `${image.name ?? image.id}: ${to}`),
        onError: (error) => toast('error', `Could not update ${image.name ?? image.id}`, describeError(error).detail),
      },
    );

  return (
    <>
      <PageHeader title="Shared with me">Images other projects share with {session.project.name}.</PageHeader>
      <div role="group" aria-label="Share status" className="mb-3 inline-flex rounded-md border border-slate-300 dark:border-slate-700">
        {MEMBER_STATUSES.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={status === value}
            onClick={() => setSearch(value === 'pending' ? {} : { status: value })}
            className={cn(
              'px-3 py-1 text-xs first:rounded-l-md last:rounded-r-md',
              status === value ? 'bg-sky-700 text-white' : 'hover:bg-slate-100 dark:hover:bg-slate-800',
            )}
          >
            {LABELS[value]}
          </button>
        ))}
      </div>
      {list.isPending && <Spinner label="Loading shared images" />}
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && <EmptyState title="No images">{EMPTY[status]}</EmptyState>}
      {list.data && list.data.length > 0 && (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm dark:border-slate-800 dark:bg-slate-900">
          <caption className="sr-only">{LABELS[status]}</caption>
          <thead className="text-left text-xs text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-medium">Name</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Owner project</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">Size</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Created</th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((image) => (
              <tr key={image.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className="px-2 py-1.5">
                  <Link to={paths.image(image.id)} className="font-medium text-sky-800 hover:underline dark:text-sky-300">
                    {image.name ?? image.id}
                  </Link>
                </td>
                <td className="px-2 py-1.5 font-mono text-xs">{image.owner ?? '—'}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatBytes(image.size)}</td>
                <td className="px-2 py-1.5" title={formatAbsolute(image.created_at)}>
                  {formatRelative(image.created_at)}
                </td>
                <td className="px-2 py-1.5 text-right">
                  {canWrite && (
                    <span className="inline-flex gap-1">
                      {ACTIONS[status].map((action) => (
                        <Button
                          key={action.to}
                          size="sm"
                          variant={action.to === 'accepted' ? 'primary' : 'secondary'}
                          aria-label={`${action.label} ${image.name ?? image.id}`}
                          onClick={() => respond(image, action.to)}
                        >
                          {action.label}
                        </Button>
                      ))}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!canWrite && <p className="mt-2 text-xs text-slate-500">Your role is read-only: a project member can accept or reject shares.</p>}
    </>
  );
}
