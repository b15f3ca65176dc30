import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Section } from '@/components/ui/section';
import { ErrorPanel } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { imageLabel, type Image } from '@/features/images/api/image-schema';
import { UploadDataForm } from '@/features/images/components/detail-upload-form';
import { percentOf, transfers, useImageTransfers, VerificationBadge, type Transfer } from '@/features/transfers';
import { formatBytes } from '@/lib/format';

const SETTLED = new Set<Transfer['state']>(['done', 'failed', 'cancelled']);

const STATE_WORDS: Record<Transfer['state'], string> = {
  queued: 'Waiting for a free slot',
  running: 'Sending data',
  importing: 'Glance is importing the data',
  verifying: 'Verifying the checksum',
  done: 'Data in',
  failed: 'The data transfer failed',
  cancelled: 'The data transfer was cancelled',
};

/** The latest upload or import of this image in this tab: progress, outcome, verification, and what to do next. */
function LatestTransfer({ transfer, image, canManage }: { transfer: Transfer; image: Image; canManage: boolean }) {
  const navigate = useNavigate();
  const name = imageLabel(image);
  const remove = useMutation({
    mutationFn: () => transfers.deleteImage(transfer.id),
    onSuccess: () => {
      toast('success', `${name} deleted`);
      void navigate(paths.images);
    },
  });
  const settled = SETTLED.has(transfer.state);
  const percent = percentOf(transfer.bytesDone, transfer.bytesTotal);
  const label = `${transfer.kind === 'import' ? 'Import' : 'Upload'} of ${name}`;
  return (
    <div className="space-y-2 text-sm">
      <p className={transfer.state === 'failed' ? 'font-medium text-red-700 dark:text-red-400' : 'font-medium'}>
        {STATE_WORDS[transfer.state]}
        {transfer.method ? ` (${transfer.method})` : ''}
      </p>
      {!settled && (
        <progress className="w-full" aria-label={label} max={100} value={percent ?? undefined}>
          {percent ?? 0}%
        </progress>
      )}
      <p className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
        {transfer.bytesTotal === null ? formatBytes(transfer.bytesDone) : `${formatBytes(transfer.bytesDone)} of ${formatBytes(transfer.bytesTotal)}`}
        {percent !== null ? ` · ${percent}%` : ''}
      </p>
      {transfer.note && !transfer.error && <p className="text-xs">{transfer.note}</p>}
      {transfer.error && <p className="break-words text-red-700 dark:text-red-400">{transfer.error}</p>}
      {transfer.verification && <VerificationBadge verification={transfer.verification} />}
      {canManage && (
        <div className="flex flex-wrap gap-2">
          {!settled && (
            <Button size="sm" onClick={() => transfers.cancel(transfer.id)}>
              Cancel transfer
            </Button>
          )}
          {settled && transfer.state !== 'done' && transfer.retryable && (
            <Button size="sm" variant="primary" onClick={() => transfers.retry(transfer.id)}>
              Retry the data
            </Button>
          )}
          {settled && transfer.offerDelete && (
            <Button size="sm" variant="danger" busy={remove.isPending} onClick={() => remove.mutate()}>
              Delete this image (it has no data)
            </Button>
          )}
        </div>
      )}
      {remove.isError && <ErrorPanel error={remove.error} context={`Deleting ${name} failed`} />}
    </div>
  );
}

/** The image's data on its detail page: the transfer moving it, and "Upload data" for a queued image. */
export function DetailData({ image, canManage }: { image: Image; canManage: boolean }) {
  const latest = useImageTransfers(image.id).find((transfer) => transfer.kind !== 'download');
  const busy = latest !== undefined && !SETTLED.has(latest.state);
  const canUpload = canManage && image.status === 'queued' && !busy;
  if (!latest && !canUpload) return null;
  return (
    <Section title="Data">
      <div className="space-y-4">
        {latest && <LatestTransfer transfer={latest} image={image} canManage={canManage} />}
        {canUpload && <UploadDataForm image={image} />}
      </div>
    </Section>
  );
}
