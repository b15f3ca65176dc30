import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { UnsavedChangesGuard } from '@/components/ui/use-unsaved-changes-guard';

/** Asks before a held navigation discards unsaved changes (see useUnsavedChangesGuard). */
export function UnsavedChangesDialog({ guard, children }: { guard: UnsavedChangesGuard; children: ReactNode }) {
  return (
    <Dialog
      open={guard.blocked}
      title="Leave without saving?"
      onClose={guard.stay}
      footer={
        <>
          <Button onClick={guard.stay}>Stay</Button>
          <Button variant="danger" onClick={guard.leave}>
            Leave and discard
          </Button>
        </>
      }
    >
      <p>{children}</p>
    </Dialog>
  );
}
