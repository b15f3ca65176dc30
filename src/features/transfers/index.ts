// The transfers feature's public entry point: uploads, imports and downloads of image data,
// their queue, the tray that shows them, and hashing.
//
// Starting transfers — a plain module API, usable from mutations and event handlers:
//   const id = transfers.startUpload({ imageId, imageName, file, method: 'direct' | 'glance-direct', stores?, allStoresMustSucceed? });
//   transfers.startImport({ imageId, imageName, method: 'web-download' | 'copy-image', uri?, stores?, allStoresMustSucceed? });
//   transfers.startDownload({ imageId, imageName, fileName, size, expected });
//   transfers.cancel(id); transfers.retry(id); transfers.dismiss(id); await transfers.deleteImage(id);
// Reading them: useTransfers() (all, newest first), useImageTransfers(imageId), <TransferTray />
// (mounted once in the app shell), <VerificationBadge verification={…} />.
// When a transfer settles, transfers.onSettled listeners run (the app shell refreshes the
// image's queries there: this feature imports no other feature, so images may import it).
//
// Plugging in a runner (how the download part adds downloads without editing engine files):
//   registerRunner('download', async (request: DownloadRequest, context: TransferContext) => { … });
// A runner resolves when done, throws when failed (TransferError for a message of its own,
// ApiError for Glance's), and must stop when context.signal aborts (cancel, sign-out, project
// switch). It reports with context.progress(bytesDone, bytesTotal), context.phase('running' |
// 'importing' | 'verifying'), context.note(text), context.verification(v), context.stores(list)
// and context.offerDelete(bool). Retry calls it again with the same request (context.attempt
// counts runs; context.id stays the same, so a resumable runner can key its state on it).
// Register it at module load of the runner's own module and import that module for its effect
// where downloads start (e.g. `import '@/features/transfers/download/register'` in this index).
//
// Hashing (a WebAssembly hasher in a Web Worker; the page never holds the data):
//   const hasher = createHasher(['md5', 'sha512']); await hasher.update(chunk); const { md5, sha512 } = await hasher.digest();
//   await hashBlob(file, ['md5', algorithm], { signal, onProgress });
//   toHashAlgorithm(image.os_hash_algo) maps Glance's name to one Loupe computes; verify(image, values) compares.
import { transferStore } from '@/features/transfers/api/transfer-store';
import type { DownloadRequest, ImportRequest, Transfer, UploadRequest } from '@/features/transfers/api/transfer-types';

// Runners load on first use, so the first page ships without them (or the hashing code).
transferStore.registerRunner('upload', async (request, context) => (await import('@/features/transfers/api/upload-runner')).runUpload(request, context));
transferStore.registerRunner('import', async (request, context) => (await import('@/features/transfers/api/import-runner')).runImport(request, context));
transferStore.registerRunner('download', async (request, context) => (await import('@/features/transfers/download/download-runner')).runDownload(request, context));

export const transfers = {
  /** Returns the transfer id. */
  startUpload: (request: UploadRequest): string => transferStore.start('upload', request, request.method, request.stores),
  startImport: (request: ImportRequest): string => transferStore.start('import', request, request.method, request.stores),
  startDownload: (request: DownloadRequest): string => transferStore.start('download', request, 'download', undefined),
  cancel: (id: string): void => transferStore.cancel(id),
  retry: (id: string): void => transferStore.retry(id),
  dismiss: (id: string): void => transferStore.dismiss(id),
  /** Deletes the image whose data failed (the tray's "Delete image"); rejects with the ApiError. */
  deleteImage: async (id: string): Promise<void> => (await import('@/features/transfers/api/transfer-image-delete')).deleteTransferImage(id),
  get: (id: string): Transfer | undefined => transferStore.get(id),
  /** Runs once per settle (done, failed, cancelled) and after deleteImage; returns the unsubscribe. */
  onSettled: (listener: (transfer: Transfer) => void): (() => void) => transferStore.onSettled(listener),
};

export const registerRunner = transferStore.registerRunner;
// Downloads: startImageDownload(image, label) asks where to save (from the click), then queues.
export { startImageDownload, type DownloadableImage } from '@/features/transfers/download/start-download';
export { canStreamToDisk } from '@/features/transfers/download/sinks';
export { hasTransfersInTab } from '@/features/transfers/api/transfer-store';
// 'glance-direct' once this session's cloud refused a direct upload (see direct-upload-policy.ts).
export { preferredUploadMethod } from '@/features/transfers/api/direct-upload-policy';
export { useImageTransfers, useTransfers } from '@/features/transfers/api/use-transfers';
export { TransferTray } from '@/features/transfers/components/transfer-tray';
export { VerificationBadge } from '@/features/transfers/components/verification-badge';
export { createHasher, hashBlob, type Hasher } from '@/features/transfers/api/hasher';
export { toHashAlgorithm, DEFAULT_OS_HASH_ALGO, type HashAlgorithm, type HashValues } from '@/features/transfers/api/hash-names';
export { verify } from '@/features/transfers/api/verification';
export { formatDuration, percentOf, secondsLeft } from '@/features/transfers/api/transfer-speed';
export {
  TransferError,
  type DownloadRequest,
  type ImportRequest,
  type Transfer,
  type TransferContext,
  type TransferKind,
  type TransferRunner,
  type TransferState,
  type UploadRequest,
  type Verification,
} from '@/features/transfers/api/transfer-types';
