import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { describeError } from '@/lib/api-error';

interface ConfirmDeleteDialogProps {
  /** What is deleted, e.g. 'property "cpu_policy"'; the dialog is closed without it. */
  target: string | undefined;
  children: ReactNode;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  /** The action's word, in the title and on the button. */
  verb?: 'Delete' | 'Remove';
}

/** Asks before a delete, and shows Glance's refusal in place when it comes. */
export function ConfirmDeleteDialog({ target, children, busy, error, onConfirm, onClose, verb = 'Delete' }: ConfirmDeleteDialogProps) {
  const problem = error ? describeError(error) : undefined;
  return (
    <Dialog
      open={target !== undefined}
      title={`${verb} ${target ?? ''}?`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" busy={busy} onClick={onConfirm}>
            {verb}
          </Button>
        </>
      }
    >
      <p>{children}</p>
      {problem && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {problem.title}: {problem.detail}
        </p>
      )}
    </Dialog>
  );
}
