import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { mergeOutcomes, planBulk, summarizeOutcomes, type BulkOutcome, type BulkPlan } from '@/features/images/api/bulk-rules';
import { useBulkAction, type BulkAction } from '@/features/images/api/image-bulk';
import { imageLabel, type Image } from '@/features/images/api/image-schema';
import { describeError } from '@/lib/api-error';


export function reportError(what: string, error: unknown) {
  const { title, detail } = describeError(error);
  toast('error', `${what}: ${title}`, detail);
}

/** A list of image names that scrolls when long; focusable so the keyboard can scroll it. */
function NameList({ label: listLabel, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable)
    <ul aria-label={listLabel} tabIndex={0} className="max-h-48 space-y-0.5 overflow-y-auto rounded border border-slate-200 px-2 py-1 break-all dark:border-slate-700">
      {children}
    </ul>
  );
}

/** Each image's outcome of a bulk action; shown by the page, which outlives the selection. */
export function BulkResults({ results, onClose }: { results: readonly BulkOutcome[] | null; onClose: () => void }) {
  return (
    <Dialog open={results !== null} title={results ? summarizeOutcomes(results) : ''} onClose={onClose} footer={<Button onClick={onClose}>Close</Button>}>
      <NameList label="Results">
        {results?.map((result) => (
          <li
            key={result.image.id}
            className={
              result.skipped ? 'text-amber-800 dark:text-amber-300' : result.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'
            }
          >
            <strong>{imageLabel(result.image)}</strong>: {result.ok ? 'done' : result.message}
          </li>
        ))}
      </NameList>
    </Dialog>
  );
}

type ConfirmedKind = 'deactivate' | 'reactivate' | 'hide' | 'unhide' | 'protect' | 'unprotect' | 'delete';

// The state changes the single-image actions confirm are confirmed here too, with the same words.
const CONFIRMED: Record<ConfirmedKind, { label: string; consequence: string; danger?: boolean }> = {
  deactivate: { label: 'Deactivate', consequence: 'Nobody but administrators can download or boot them until they are reactivated. Their data is kept.' },
  reactivate: { label: 'Reactivate', consequence: 'Their data can be downloaded and booted again.' },
  hide: { label: 'Hide', consequence: 'They stay usable by ID but leave default image lists (os_hidden).' },
  unhide: { label: 'Unhide', consequence: 'They appear in default image lists again.' },
  protect: { label: 'Protect', consequence: 'A protected image cannot be deleted until it is unprotected.' },
  unprotect: { label: 'Unprotect', consequence: 'They can then be deleted.' },
  delete: { label: 'Delete', consequence: 'The images and their data are deleted for good. Servers already booted from them keep running.', danger: true },
};
const KINDS = Object.keys(CONFIRMED) as ConfirmedKind[];
const count = (n: number) => `${n} ${n === 1 ? 'image' : 'images'}`;

function BulkConfirm({ kind, plan, busy, onRun, onCancel }: { kind: ConfirmedKind | null; plan: BulkPlan<Image>; busy: boolean; onRun: () => void; onCancel: () => void }) {
  const text = kind ? CONFIRMED[kind] : undefined;
  return (
    <Dialog
      open={kind !== null}
      title={text ? `${text.label} ${count(plan.apply.length)}?` : ''}
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant={text?.danger ? 'danger' : 'primary'} busy={busy} disabled={plan.apply.length === 0} onClick={onRun}>
            {text?.label} {plan.apply.length}
          </Button>
        </>
      }
    >
      <p>{text?.consequence}</p>
      <NameList label={`Images to ${text?.label.toLowerCase() ?? ''}`}>
        {plan.apply.map((image) => (
          <li key={image.id}>{imageLabel(image)}</li>
        ))}
      </NameList>
      {plan.skip.length > 0 && (
        <>
          <p>
            {count(plan.skip.length)} of the selection {plan.skip.length === 1 ? 'is' : 'are'} skipped:
          </p>
          <NameList label="Skipped images">
            {plan.skip.map(({ image, reason }) => (
              <li key={image.id} className="text-amber-800 dark:text-amber-300">
                <strong>{imageLabel(image)}</strong>: {reason}
              </li>
            ))}
          </NameList>
        </>
      )}
    </Dialog>
  );
}

/**
 * Acts on the selected images; `onFinished` receives each image's outcome, skipped ones
 * included. Sticks to the bottom of the viewport while the table scrolls under it.
 */
export function BulkBar({ images, onFinished }: { images: Image[]; onFinished: (results: BulkOutcome[]) => void }) {
  const bulk = useBulkAction();
  const [tag, setTag] = useState('');
  const [pending, setPending] = useState<ConfirmedKind | null>(null);
  const [progress, setProgress] = useState(0);
  const [running, setRunning] = useState(0);
  const planFor = (action: BulkAction) => planBulk(images, action);
  const run = (action: BulkAction) => {
    const plan = planFor(action);
    setProgress(0);
    setRunning(plan.apply.length);
    bulk.mutate(
      { images: plan.apply, action, onProgress: setProgress },
      {
        onSuccess: (ran) => {
          setPending(null);
          onFinished(mergeOutcomes(images, ran, plan));
        },
      },
    );
  };
  const tagError = tag.length > 255 ? 'At most 255 characters.' : undefined;
  const tagAction = (kind: 'add-tag' | 'remove-tag') => {
    const trimmed = tag.trim();
    const applies = trimmed ? planFor({ kind, tag: trimmed }).apply.length : images.length;
    return (
      <Button size="sm" disabled={!trimmed || !!tagError || bulk.isPending || applies === 0} onClick={() => run({ kind, tag: trimmed })}>
        {`${kind === 'add-tag' ? 'Add tag' : 'Remove tag'}${trimmed && applies < images.length ? ` (${applies} of ${images.length})` : ''}`}
      </Button>
    );
  };
  return (
    <div
      role="region"
      aria-label="Selected images"
      className="sticky bottom-0 z-20 flex flex-wrap items-end gap-2 rounded-lg border border-sky-200 bg-sky-50 p-2 text-sm shadow-[0_-2px_8px_rgb(0_0_0/0.08)] dark:border-sky-900 dark:bg-sky-950"
    >
      <span className="self-center font-medium">{images.length} selected</span>
      {KINDS.map((kind) => {
        const applies = planFor({ kind }).apply.length;
        // Only what applies to at least one selected image is offered; a partial fit says how many.
        if (applies === 0) return null;
        return (
          <Button key={kind} size="sm" variant={CONFIRMED[kind].danger ? 'danger' : 'secondary'} disabled={bulk.isPending} onClick={() => setPending(kind)}>
            {`${CONFIRMED[kind].label}…${applies < images.length ? ` (${applies} of ${images.length})` : ''}`}
          </Button>
        );
      })}
      <div className="flex items-end gap-1">
        <Field label="Tag" error={tagError} className="w-36">
          <input className={`${inputClass} py-1`} value={tag} onChange={(event) => setTag(event.target.value)} />
        </Field>
        {tagAction('add-tag')}
        {tagAction('remove-tag')}
      </div>
      {bulk.isPending && (
        <progress className="h-2 w-32 self-center" max={running} value={progress} aria-label="Progress">
          {progress} of {running}
        </progress>
      )}
      <BulkConfirm
        kind={pending}
        plan={pending ? planFor({ kind: pending }) : { apply: [], skip: [] }}
        busy={bulk.isPending}
        onRun={() => pending && run({ kind: pending })}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
