import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { ListView } from '@/components/list/list-view';
import { useListController } from '@/components/list/use-list-controller';
import { Button } from '@/components/ui/button';
import { DataTable, primaryColumn, type DataColumn } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page';
import { TabNav } from '@/components/ui/tab-nav';
import { Truncated, TruncatedLink } from '@/components/ui/truncated';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAnswerShare } from '@/features/members/api/member-mutations';
import { MAX_SHARED_IMAGES, sharedWithMeQuery } from '@/features/members/api/member-queries';
import { projectNamesQuery } from '@/features/auth';
import { MEMBER_STATUSES, type MemberStatus, type SharedImage } from '@/features/members/api/member-schema';
import { answersFor, shareListParams, shareStatusSearch, type SharedList } from '@/features/members/api/shared-with-me';
import { describeError } from '@/lib/api-error';
import { formatAbsolute, formatBytes, formatRelative } from '@/lib/format';
import { imageLabel } from '@/lib/image-ref';
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

/** The owner project by name where Keystone lets this user resolve it, by ID otherwise. */
function OwnerCell({ owner, names }: { owner: string | null; names: ReadonlyMap<string, string> | undefined }) {
  const name = owner ? names?.get(owner) : undefined;
  if (name) return <Truncated text={name} />;
  return <Truncated text={owner ?? '—'} className="font-mono text-xs text-slate-600 dark:text-slate-400" />;
}

/** Images other projects shared with the current one, by this project's answer. */
export function SharedWithMePage() {
  const session = useSession();
  const projectId = session.project.id;
  const { readOnly, isAdmin } = usePermissions();
  const projectNames = useQuery(projectNamesQuery(session.user.id, isAdmin)).data;
  const controller = useListController({
    params: shareListParams,
    query: useCallback((state: typeof shareListParams.defaults) => sharedWithMeQuery(projectId, state.status, isAdmin), [projectId, isAdmin]),
    rows: (list: SharedList) => list.images,
  });
  const status = controller.state.status;
  const answer = useAnswerShare(projectId);

  const columns = useMemo((): DataColumn<SharedImage>[] => {
    const respond = (image: SharedImage, to: MemberStatus, verb: string) =>
      answer.mutate(
        { image, from: status, to },
        {
          onSuccess: () => toast('success', `${DONE[to].title} ${imageLabel(image)}`, DONE[to].detail),
          onError: (error) => {
            const { title, detail } = describeError(error);
            toast('error', `Could not ${verb.toLowerCase()} ${imageLabel(image)}: ${title}`, detail);
          },
        },
      );
    const base: DataColumn<SharedImage>[] = [
      primaryColumn('name', 'Name', (image) => (
        <div className="flex min-w-0 items-center gap-1.5">
          <TruncatedLink to={paths.image(image.id)} text={imageLabel(image)} />
          {image.status !== 'active' && <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{image.status}</span>}
        </div>
      )),
      { id: 'owner', header: 'Owner project', width: 180, priority: 2, cell: (image) => <OwnerCell owner={image.owner} names={projectNames} /> },
      { id: 'size', header: 'Size', width: 90, priority: 1, align: 'right', cell: (image) => formatBytes(image.size) },
      {
        id: 'created',
        header: 'Created',
        width: 110,
        priority: 3,
        cell: (image) => (
          <time dateTime={image.created_at} title={formatAbsolute(image.created_at)}>
            {formatRelative(image.created_at)}
          </time>
        ),
      },
    ];
    if (readOnly) return base;
    return [
      ...base,
      {
        id: 'answer',
        header: 'Answer',
        headerHidden: true,
        width: 150,
        priority: 0,
        align: 'right',
        cell: (image) => (
          <span className="inline-flex gap-1.5">
            {answersFor(status).map(({ to, label: verb }) => (
              <Button key={to} size="sm" variant={to === 'accepted' ? 'primary' : 'secondary'} aria-label={`${verb} ${imageLabel(image)}`} onClick={() => respond(image, to, verb)}>
                {verb}
              </Button>
            ))}
          </span>
        ),
      },
    ];
  }, [answer, status, readOnly, projectNames]);

  return (
    <>
      <PageHeader title="Shared with me">
        Images other projects share with <span className="font-medium">{session.project.name}</span>. Accept one to see it in your image list.
      </PageHeader>

      <TabNav label="Share status" current={status} items={MEMBER_STATUSES.map((value) => ({ id: value, label: TAB_LABELS[value], to: { search: shareStatusSearch(value) } }))} />

      {readOnly && (
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Your role in {session.project.name} is read-only: a project member can accept or reject these images.
        </p>
      )}

      <ListView controller={controller} noun={{ plural: 'shared images', one: 'a shared image' }} empty={() => EMPTY[status]}>
        {(rows) => <DataTable caption={`Shared images: ${TAB_LABELS[status].toLowerCase()}`} rows={rows} rowKey={(image) => image.id} columns={columns} />}
      </ListView>
      {controller.list.data?.truncated && (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
          Glance listed more than {MAX_SHARED_IMAGES.toLocaleString()} shared images, so some may be missing here. The image list’s “Shared with me” view pages through all of them.
        </p>
      )}
    </>
  );
}
