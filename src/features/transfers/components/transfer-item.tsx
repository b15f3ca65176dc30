import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/api-error';
import { formatBytes } from '@/lib/format';
import { transferStore } from '@/features/transfers/api/transfer-store';
import { formatDuration, percentOf, secondsLeft } from '@/features/transfers/api/transfer-speed';
import { useDeleteTransferImage } from '@/features/transfers/api/transfer-image-delete';
import type { Transfer } from '@/features/transfers/api/transfer-types';
import { VerificationBadge } from '@/features/transfers/components/verification-badge';

const KIND_LABEL: Record<Transfer['kind'], string> = { upload: 'Upload', download: 'Download', import: 'Import' };

/** What the transfer is doing, in words. */
export function stateLabel(transfer: Transfer): string {
  switch (transfer.state) {
    case 'queued': return 'Waiting';
    case 'running': return transfer.kind === 'download' ? 'Downloading' : transfer.method === 'glance-direct' ? 'Staging' : 'Uploading';
    case 'importing': return 'Glance is importing';
    case 'verifying': return 'Verifying';
    case 'done': return 'Done';
    case 'failed': return 'Failed';
    case 'cancelled': return 'Cancelled';
  }
}

/** "120 MiB of 256 MiB · 46% · 85 MiB/s · 2 s left" (what is known). */
export function progressText(transfer: Transfer): string {
  const { bytesDone, bytesTotal, bytesPerSecond, state } = transfer;
  const parts = [bytesTotal === null ? formatBytes(bytesDone) : `${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)}`];
  const percent = percentOf(bytesDone, bytesTotal);
  if (percent !== null) parts.push(`${percent}%`);
  const active = state === 'running' || state === 'verifying' || state === 'importing';
  if (active && bytesPerSecond !== null) {
    parts.push(`${formatBytes(bytesPerSecond)}/s`);
    const left = secondsLeft(bytesDone, bytesTotal, bytesPerSecond);
    if (left !== null) parts.push(`${formatDuration(left)} left`);
  }
  return parts.join(' · ');
}

function ProgressBar({ transfer, label }: { transfer: Transfer; label: string }) {
  const percent = percentOf(transfer.bytesDone, transfer.bytesTotal);
  const settled = transfer.state === 'done' || transfer.state === 'failed' || transfer.state === 'cancelled';
  const shown = transfer.state === 'done' ? 100 : percent;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={shown ?? undefined}
      aria-valuetext={`${stateLabel(transfer)}: ${progressText(transfer)}`}
      className="h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      <div
        className={
          transfer.state === 'failed'
            ? 'h-full bg-red-600'
            : settled
              ? 'h-full bg-slate-400 dark:bg-slate-500'
              : shown === null
                ? 'h-full w-1/3 animate-pulse bg-sky-600'
                : 'h-full bg-sky-600 transition-[width] duration-200'
        }
        style={shown === null ? undefined : { width: `${shown}%` }}
      />
    </div>
  );
}

/** One transfer in the tray: name, state, progress, verification, and what can be done next. */
export function TransferItem({ transfer }: { transfer: Transfer }) {
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const deletion = useDeleteTransferImage();
  const label = `${transfer.method === 'copy-image' ? 'Copy' : KIND_LABEL[transfer.kind]} of ${transfer.imageName}`;
  const settled = transfer.state === 'done' || transfer.state === 'failed' || transfer.state === 'cancelled';
  const canRetry = transfer.retryable && (transfer.state === 'failed' || transfer.state === 'cancelled');
  const canDelete = settled && transfer.offerDelete && transfer.kind !== 'download';
  const deleteError = deletion.error ? describeError(deletion.error) : undefined;
  return (
    <li className="space-y-1.5 px-3 py-2.5" aria-label={label}>
      <div className="flex items-baseline justify-between gap-2">
        <p className="min-w-0 truncate text-sm font-medium" title={transfer.imageName}>
          {transfer.imageName}
        </p>
        <p className="shrink-0 text-xs text-slate-600 dark:text-slate-400">
          {KIND_LABEL[transfer.kind]}
          {transfer.method && transfer.method !== transfer.kind && transfer.method !== 'direct' ? ` (${transfer.method})` : ''} ·{' '}
          <span className={transfer.state === 'failed' ? 'font-semibold text-red-700 dark:text-red-400' : undefined}>{stateLabel(transfer)}</span>
        </p>
      </div>
      <ProgressBar transfer={transfer} label={label} />
      <p className="text-xs text-slate-600 tabular-nums dark:text-slate-400">{progressText(transfer)}</p>
      {transfer.stores && transfer.stores.length > 0 && (
        <p className="text-xs text-slate-600 dark:text-slate-400">Stores: {transfer.stores.join(', ')}</p>
      )}
      {transfer.note && <p className="text-xs text-slate-700 dark:text-slate-300">{transfer.note}</p>}
      {transfer.error && <p className="text-xs break-words text-red-700 dark:text-red-400">{transfer.error}</p>}
      {transfer.verification && <VerificationBadge verification={transfer.verification} />}
      {confirmingDelete ? (
        <div className="space-y-1.5 rounded-md bg-slate-100 p-2 text-xs dark:bg-slate-800">
          <p>Delete the image {transfer.imageName}? It has no usable data; this cannot be undone.</p>
          {deleteError && (
            <p className="text-red-700 dark:text-red-400">
              {deleteError.title}: {deleteError.detail}
            </p>
          )}
          <div className="flex gap-2">
            <Button size="sm" variant="danger" busy={deletion.isPending} onClick={() => deletion.mutate(transfer.id)}>
              Delete image
            </Button>
            <Button size="sm" onClick={() => setConfirmingDelete(false)}>
              Keep it
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {!settled && transfer.state !== 'importing' && (
            <Button size="sm" aria-label={`Cancel ${label}`} onClick={() => transferStore.cancel(transfer.id)}>
              Cancel
            </Button>
          )}
          {transfer.state === 'importing' && (
            // Glance cannot be asked to stop an import: say what the button really does.
            <Button size="sm" aria-label={`Stop watching ${label}`} onClick={() => transferStore.cancel(transfer.id)}>
              Stop watching
            </Button>
          )}
          {canRetry && (
            <Button size="sm" variant="primary" aria-label={`Retry ${label}`} onClick={() => transferStore.retry(transfer.id)}>
              Retry
            </Button>
          )}
          {canDelete && (
            <Button size="sm" variant="danger" aria-label={`Delete image ${transfer.imageName}`} onClick={() => setConfirmingDelete(true)}>
              Delete image…
            </Button>
          )}
          {settled && (
            <Button size="sm" variant="ghost" aria-label={`Dismiss ${label}`} onClick={() => transferStore.dismiss(transfer.id)}>
              Dismiss
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
