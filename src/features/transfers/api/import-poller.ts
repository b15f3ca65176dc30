// Polls an import until Glance finishes or fails it, reporting Glance's progress words.
import {
  fetchImageTasks,
  fetchTransferImage,
  interpretImportProgress,
  type ImportObservation,
  type TransferImage,
} from '@/features/transfers/api/import-progress';
import { TransferError, type TransferContext } from '@/features/transfers/api/transfer-types';

/** First polls come quickly (small imports finish in a second), later ones every few seconds. */
export function pollDelay(poll: number): number {
  return Math.min(1_000 + poll * 500, 5_000);
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface PollImportOptions extends Pick<ImportObservation, 'method' | 'requestId' | 'allStoresMustSucceed'> {
  imageId: string;
}

/** Resolves with the image once the import is done; throws TransferError with Glance's words when it failed. */
export async function pollImport(options: PollImportOptions, context: TransferContext): Promise<TransferImage> {
  const { imageId, ...rest } = options;
  const requestedAt = Date.now();
  let sawImporting = false;
  for (let poll = 0; ; poll += 1) {
    await sleep(pollDelay(poll), context.signal);
    const [image, tasks] = await Promise.all([fetchTransferImage(imageId, context.signal), fetchImageTasks(imageId, context.signal)]);
    if (image.status === 'importing') sawImporting = true;
    const progress = interpretImportProgress({ ...rest, image, tasks, sawImporting, elapsedMs: Date.now() - requestedAt });
    if (progress.importingTo.length > 0 || progress.stores.length > 0) context.stores([...new Set([...progress.stores, ...progress.importingTo])]);
    if (progress.bytesCopied !== undefined) context.progress(progress.bytesCopied, image.size ?? undefined);
    if (progress.outcome === 'failed') throw new TransferError(`Glance: ${progress.message ?? 'the import failed.'}`);
    context.note(progress.message);
    if (progress.outcome === 'done') return image;
  }
}
