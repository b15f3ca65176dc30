import { useId } from 'react';
import { Button } from '@/components/ui/button';

/** Why the other editors wait while one has unsaved changes (opening another would drop them). */
export const HELD_REASON = 'Save or cancel the open editor first: it has unsaved changes.';

interface RowActionsProps {
  /** The row's name, for the buttons' accessible names ("Edit cpu_policy"). */
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  /** Why deleting is off (a protected namespace); the button is disabled and says why. */
  deleteDisabledReason: string | undefined;
  /** Why editing is held back (another editor has unsaved changes). */
  editDisabledReason?: string | undefined;
}

/** Edit and delete for one property or object. */
export function RowActions({ name, onEdit, onDelete, deleteDisabledReason, editDisabledReason }: RowActionsProps) {
  const reasonId = useId();
  return (
    <div className="flex flex-wrap gap-1">
      <Button size="sm" aria-label={`Edit ${name}`} onClick={onEdit} disabled={editDisabledReason !== undefined} title={editDisabledReason}>
        Edit
      </Button>
      <Button
        size="sm"
        variant="danger"
        aria-label={`Delete ${name}`}
        disabled={deleteDisabledReason !== undefined}
        title={deleteDisabledReason}
        aria-describedby={deleteDisabledReason ? reasonId : undefined}
        onClick={onDelete}
      >
        Delete
      </Button>
      {deleteDisabledReason && (
        <span id={reasonId} className="sr-only">
          {deleteDisabledReason}
        </span>
      )}
    </div>
  );
}
