import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { PageHeader } from '@/components/ui/page';
import { EmptyState, ErrorPanel, Spinner } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAnswerShare } from '@/features/members/api/member-mutations';
import { MAX_SHARED_IMAGES, sharedWithMeQuery } from '@/features/members/api/member-queries';
import { MEMBER_STATUSES, type MemberStatus } from '@/features/images';
import type { SharedImage } from '@/features/members/api/member-schema';
import { answersFor, readShareStatus, shareStatusSearch } from '@/features/members/api/shared-with-me';
import { describeError } from '@/lib/api-error';
import { formatAbsolute, formatBytes, formatRelative } from '@/lib/format';
import { usePermissions, useSession } from '@/lib/session';

const TAB_LABELS: Record<MemberStatus, string> = { pending: 'Waiting for an answer', accepted: 'Accepted', rejected: 'Rejected' };

const EMPTY: Record<MemberStatus, { title: string; detail: string }> = {
  pending: {
    title: 'Nothing is waiting for you',
    detail: 'When another project shares an image with yours, it waits here until you accept or reject it.',
  },
  accepted: {
    title: 'No accepted images',
    detail: 'Images you accept appear here and in your image list, ready to boot.',
  },
  rejected: {
    title: 'No rejected images',
    detail: 'Images you reject stay out of your image list; you can still accept them here later.',
  },
};

const DONE: Record<MemberStatus, { title: string; detail: string }> = {
  accepted: { title: 'Accepted', detail: 'It now appears in your image list.' },
  rejected: { title: 'Rejected', detail: 'It no longer appears in your image list.' },
  pending: { title: 'Moved back to waiting', detail: '' },
};

function label(image: SharedImage): string {
  return image.name || image.id;
}

/** Images other projects shared with the current one, by this project's answer. */
export function SharedWithMePage() {
  const session = useSession();
  const { readOnly } = usePermissions();
  const [search] = useSearchParams();
  const status = readShareStatus(search);
  const list = useQuery(sharedWithMeQuery(session.project.id, status));
  const answer = useAnswerShare(session.project.id);
  const answers = answersFor(status);

  const respond = (image: SharedImage, to: MemberStatus, verb: string) =>
    answer.mutate(
      { image, from: status, to },
      {
        onSuccess: () => toast('success', `${DONE[to].title} ${label(image)}`, DONE[to].detail),
        onError: (error) => {
          const { title, detail } = describeError(error);
          toast('error', `Could not ${verb.toLowerCase()} ${label(image)}: ${title}`, detail);
        },
      },
    );

  return (
    <>
      <PageHeader title="Shared with me">
        Images other projects share with <span className="font-medium">{session.project.name}</span>. Accept one to see it in your image list.
      </PageHeader>

      <nav aria-label="Share status" className="mb-3 flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
        {MEMBER_STATUSES.map((value) => (
          <Link
            key={value}
            to={{ search: shareStatusSearch(value) }}
            aria-current={value === status ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-1.5 text-sm',
              value === status
                ? 'border-sky-600 font-medium text-sky-800 dark:text-sky-300'
                : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100',
            )}
          >
            {TAB_LABELS[value]}
          </Link>
        ))}
      </nav>

      {readOnly && (
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Your role in {session.project.name} is read-only: a project member can accept or reject these images.
        </p>
      )}

      {list.isPending && <Spinner label="Loading shared images" />}
      {list.isError && <ErrorPanel error={list.error} context="Loading shared images" onRetry={() => void list.refetch()} />}
      {list.data && list.data.images.length === 0 && <EmptyState title={EMPTY[status].title}>{EMPTY[status].detail}</EmptyState>}
      {list.data && list.data.images.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm">
            <caption className="sr-only">Shared images: {TAB_LABELS[status].toLowerCase()}</caption>
            <thead className="bg-slate-50 text-left text-xs text-slate-500 dark:bg-slate-800/50 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Name
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Owner project
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Size
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Created
                </th>
                {!readOnly && (
                  <th scope="col" className="px-2 py-1.5 font-medium">
                    <span className="sr-only">Answer</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.data.images.map((image) => (
                <tr key={image.id} className="border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/40">
                  <td className="max-w-[22rem] px-2 py-1.5">
                    <Link to={paths.image(image.id)} className="font-medium break-all text-sky-800 hover:underline dark:text-sky-300">
                      {label(image)}
                    </Link>
                    {image.status !== 'active' && <span className="ml-1.5 text-xs text-slate-500">{image.status}</span>}
                  </td>
                  <td className="px-2 py-1.5 font-mono text-xs text-slate-600 dark:text-slate-400">{image.owner ?? '—'}</td>
                  <td className="px-2 py-1.5 text-right whitespace-nowrap tabular-nums">{formatBytes(image.size)}</td>
                  <td className="px-2 py-1.5 whitespace-nowrap">
                    <time dateTime={image.created_at} title={formatAbsolute(image.created_at)}>
                      {formatRelative(image.created_at)}
                    </time>
                  </td>
                  {!readOnly && (
                    <td className="px-2 py-1.5 text-right whitespace-nowrap">
                      <span className="inline-flex gap-1.5">
                        {answers.map(({ to, label: verb }) => (
                          <Button
                            key={to}
                            size="sm"
                            variant={to === 'accepted' ? 'primary' : 'secondary'}
                            aria-label={`${verb} ${label(image)}`}
                            onClick={() => respond(image, to, verb)}
                          >
                            {verb}
                          </Button>
                        ))}
                      </span>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data?.truncated && (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
          Glance listed more than {MAX_SHARED_IMAGES.toLocaleString()} shared images, so some may be missing here. The image list’s “Shared with me” view pages through all of them.
        </p>
      )}
    </>
  );
}
