import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { useMemberWrites, type MemberTargetRef, type MemberWriteResult } from '@/features/members/api/member-mutations';
import { nameProjects } from '@/features/members/api/member-status';
import { MemberResults } from '@/features/members/components/member-results';

interface RemoveMembersDialogProps {
  imageId: string;
  imageName: string;
  /** The projects to remove; the dialog is open while this is not empty. */
  targets: readonly MemberTargetRef[];
  onClose: () => void;
  /** After the removal ran (the rows that are gone are no longer selected). */
  onRemoved: (removed: string[]) => void;
}

/** Confirms naming the projects, removes them, and reports each one that failed. */
export function RemoveMembersDialog({ imageId, imageName, targets, onClose, onRemoved }: RemoveMembersDialogProps) {
  const { remove } = useMemberWrites(imageId);
  const [results, setResults] = useState<MemberWriteResult[] | null>(null);
  const labels = targets.map((target) => target.label);
  const close = () => {
    setResults(null);
    onClose();
  };
  const run = async () => {
    const outcome = await remove.mutateAsync(targets);
    onRemoved(outcome.filter((result) => result.ok).map((result) => result.projectId));
    if (outcome.every((result) => result.ok)) {
      toast('success', `Removed ${nameProjects(labels)} from ${imageName}`, 'They can no longer use it.');
      close();
    } else setResults(outcome);
  };
  const title = targets.length === 1 ? `Remove ${labels[0] ?? ''} from ${imageName}?` : `Remove ${targets.length} projects from ${imageName}?`;
  return (
    <Dialog
      open={targets.length > 0}
      title={title}
      onClose={close}
      footer={
        results ? (
          <Button onClick={close}>Close</Button>
        ) : (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="danger" busy={remove.isPending} onClick={() => void run()}>
              Remove
            </Button>
          </>
        )
      }
    >
      {results ? (
        <MemberResults results={results} done="removed" />
      ) : (
        <>
          <ul aria-label="Projects to remove" className="list-disc space-y-0.5 pl-5">
            {targets.map((target) => (
              <li key={target.projectId} className="break-all">
                {target.label}
              </li>
            ))}
          </ul>
          <p>
            {targets.length === 1 ? 'It' : 'They'} can no longer use {imageName}, and servers there cannot boot from it. Running servers keep running. You can add{' '}
            {targets.length === 1 ? 'it' : 'them'} again later; {targets.length === 1 ? 'it' : 'each'} then has to accept again.
          </p>
        </>
      )}
    </Dialog>
  );
}
