import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, primaryColumn, type DataColumn } from '@/components/ui/data-table';
import { Badge, ErrorPanel, Spinner } from '@/components/ui/states';
import { Truncated } from '@/components/ui/truncated';
import type { MemberTargetRef } from '@/features/members/api/member-mutations';
import { memberQueries } from '@/features/members/api/member-queries';
import type { Member, MemberImage } from '@/features/members/api/member-schema';
import { MEMBER_STATUS_LABELS, MEMBER_STATUS_TONES, projectLabel } from '@/features/members/api/member-status';
import { AddMembersDialog } from '@/features/members/components/add-members-dialog';
import { RemoveMembersDialog } from '@/features/members/components/remove-members-dialog';
import { formatAbsolute, formatRelative } from '@/lib/format';
import { imageLabel } from '@/lib/image-ref';

function When({ at }: { at: string | undefined }) {
  if (!at) return <>—</>;
  return (
    <time dateTime={at} title={formatAbsolute(at)}>
      {formatRelative(at)}
    </time>
  );
}

const toRef = (member: Member, names: ReadonlyMap<string, string>): MemberTargetRef => ({ projectId: member.member_id, label: projectLabel(member.member_id, names) });

const NOT_SHARED: Record<string, string> = {
  private: 'It is private: only its own project can use it.',
  public: 'It is public: every project can already use it.',
  community: 'It is community: any project can use it by ID.',
};

interface OwnerMembersProps {
  image: MemberImage;
  /** May add and remove members (a member of the owner project, or an admin). */
  manages: boolean;
  projectNames: ReadonlyMap<string, string>;
  /** The project names are still being looked up (names typed now could not be resolved yet). */
  namesLoading?: boolean;
}

/** The owner's (or an admin's) view of who an image is shared with, and the ways to change it. */
export function OwnerMembers({ image, manages, projectNames, namesLoading = false }: OwnerMembersProps) {
  const shared = image.visibility === 'shared';
  // Glance answers 403 for the members of an image that is not shared: do not ask.
  const members = useQuery({ ...memberQueries.list(image.id), enabled: shared });
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [removing, setRemoving] = useState<MemberTargetRef[]>([]);
  const name = imageLabel(image);
  const ref = (member: Member) => toRef(member, projectNames);

  const columns = useMemo((): DataColumn<Member>[] => {
    const base: DataColumn<Member>[] = [
      primaryColumn('project', 'Project', (member) => {
        const known = projectNames.get(member.member_id);
        return (
          <div className="min-w-0">
            <Truncated text={known ?? member.member_id} className={known ? undefined : 'font-mono text-xs'} />
            {known && <Truncated text={member.member_id} className="font-mono text-xs text-slate-500 dark:text-slate-400" />}
          </div>
        );
      }),
      {
        id: 'status',
        header: 'Status',
        width: 170,
        priority: 0,
        cell: (member) => <Badge tone={MEMBER_STATUS_TONES[member.status]}>{MEMBER_STATUS_LABELS[member.status]}</Badge>,
      },
      { id: 'created', header: 'Added', width: 110, priority: 2, cell: (member) => <When at={member.created_at} /> },
      { id: 'updated', header: 'Updated', width: 110, priority: 3, cell: (member) => <When at={member.updated_at} /> },
    ];
    if (!manages) return base;
    return [
      ...base,
      {
        id: 'remove',
        header: 'Remove',
        headerHidden: true,
        width: 90,
        priority: 0,
        align: 'right',
        cell: (member) => (
          <Button size="sm" variant="ghost" aria-label={`Remove ${projectLabel(member.member_id, projectNames)}`} onClick={() => setRemoving([toRef(member, projectNames)])}>
            Remove
          </Button>
        ),
      },
    ];
  }, [manages, projectNames]);

  const addButton = manages && (
    <Button size="sm" variant="primary" onClick={() => setAdding(true)}>
      {shared ? 'Add members…' : 'Share with projects…'}
    </Button>
  );
  const list = useMemo(() => members.data ?? [], [members.data]);
  const memberIds = useMemo(() => new Set(list.map((member) => member.member_id)), [list]);
  const chosen = list.filter((member) => selected.has(member.member_id));

  return (
    <div className="space-y-3">
      {!shared ? (
        <div className="space-y-2 text-sm">
          <p>
            Only an image with visibility <strong>shared</strong> can have members. {NOT_SHARED[image.visibility] ?? ''}
          </p>
          {manages ? <p>To let chosen projects use it, share it with them: its visibility switches to shared in the same step.</p> : null}
          {addButton}
        </div>
      ) : members.isPending ? (
        <Spinner label="Loading members" />
      ) : members.isError ? (
        <ErrorPanel error={members.error} context="Loading the members" onRetry={() => void members.refetch()} />
      ) : (
        <>
          {manages && (
            <div className="flex flex-wrap items-center gap-2">
              {addButton}
              <Button size="sm" disabled={chosen.length === 0} onClick={() => setRemoving(chosen.map(ref))}>
                {chosen.length ? `Remove ${chosen.length} selected…` : 'Remove selected…'}
              </Button>
            </div>
          )}
          <DataTable
            caption={`Members of ${name}`}
            rows={list}
            rowKey={(member) => member.member_id}
            columns={columns}
            selection={
              manages
                ? {
                    selected,
                    onChange: setSelected,
                    canSelect: () => true,
                    rowLabel: (member) => `Select ${projectLabel(member.member_id, projectNames)}`,
                    allLabel: 'Select every member',
                  }
                : undefined
            }
            empty={<p className="p-3 text-sm text-slate-500 dark:text-slate-400">Not shared with any project yet.{manages ? ' Add one with “Add members…”.' : ''}</p>}
          />
        </>
      )}
      {manages && (
        <>
          <AddMembersDialog
            image={image}
            open={adding}
            onClose={() => setAdding(false)}
            projectNames={projectNames}
            namesLoading={namesLoading}
            members={memberIds}
          />
          <RemoveMembersDialog
            imageId={image.id}
            imageName={name}
            targets={removing}
            onClose={() => setRemoving([])}
            onRemoved={(removed) => setSelected((current) => new Set([...current].filter((id) => !removed.includes(id))))}
          />
        </>
      )}
    </div>
  );
}
