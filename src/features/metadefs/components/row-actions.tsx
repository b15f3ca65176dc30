import { useId } from 'react';
import { Button } from '@/components/ui/button';

interface RowActionsProps {
  /** The row's name, for the buttons' accessible names ("Edit cpu_policy"). */
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  /** Why deleting is off (a protected namespace); the button is disabled and says why. */
  deleteDisabledReason: string | undefined;
}

/** Edit and delete for one property or object. */
export function RowActions({ name, onEdit, onDelete, deleteDisabledReason }: RowActionsProps) {
  const reasonId = useId();
  return (
    <div className="flex flex-wrap gap-1">
      <Button size="sm" aria-label={`Edit ${name}`} onClick={onEdit}>
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
