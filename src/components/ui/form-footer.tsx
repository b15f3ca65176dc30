import { Button } from '@/components/ui/button';

interface FormFooterProps {
  /** What the server refused, said in full; nothing when there is none. */
  problem: string | null | undefined;
  submitLabel: string;
  busy: boolean;
  /** The submit button is off (e.g. nothing changed yet). */
  submitDisabled?: boolean;
  onCancel: () => void;
  cancelDisabled?: boolean;
}

/** The end of an edit form: the server's refusal if any, then submit and cancel. */
export function FormFooter({ problem, submitLabel, busy, submitDisabled = false, onCancel, cancelDisabled = false }: FormFooterProps) {
  return (
    <>
      {problem && (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {problem}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" busy={busy} disabled={submitDisabled}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel} disabled={cancelDisabled}>
          Cancel
        </Button>
      </div>
    </>
  );
}
