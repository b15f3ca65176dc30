import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ScrollablePre } from '@/components/ui/scrollable-pre';
import { toast } from '@/components/ui/toast';
import type { ReviewedChange } from '@/features/images/api/image-edit-form-model';

interface ReviewDialogProps {
  /** The change to review; the dialog is closed while there is none. */
  review: ReviewedChange | null;
  busy: boolean;
  onBack: () => void;
  onSave: (review: ReviewedChange) => void;
}

/** The exact JSON-Patch about to go out, and the same change as OpenStack client commands to copy. */
export function ReviewDialog({ review, busy, onBack, onSave }: ReviewDialogProps) {
  const copy = (text: string) =>
    void navigator.clipboard.writeText(text).then(
      () => toast('success', 'Command copied'),
      () => toast('error', 'Copy failed', 'The browser did not allow the clipboard.'),
    );
  return (
    <Dialog
      open={review !== null}
      title="Review the change"
      onClose={onBack}
      footer={
        <>
          <Button onClick={onBack}>Back to editing</Button>
          <Button variant="primary" busy={busy} onClick={() => review && onSave(review)}>
            Save
          </Button>
        </>
      }
    >
      {review && (
        <>
          {review.clearsName && (
            <p className="font-medium">This clears the name: the image will have none, and is shown by its ID.</p>
          )}
          <p>One atomic PATCH ({review.ops.length} operations):</p>
          <ScrollablePre label="JSON-Patch" className="max-h-48">
            {JSON.stringify(review.ops, null, 2)}
          </ScrollablePre>
          <div className="flex items-center justify-between gap-2">
            <p>The same with the OpenStack client:</p>
            <Button size="sm" variant="ghost" onClick={() => copy(review.commandLine)}>
              Copy command
            </Button>
          </div>
          <ScrollablePre label="Command line" wrap>
            {review.commandLine}
          </ScrollablePre>
          {review.clearsName && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              The OpenStack client cannot clear a name: <code>--name &apos;&apos;</code> leaves an empty name instead of none.
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
