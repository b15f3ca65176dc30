// web-download and copy-image: Glance moves the bytes itself; Loupe asks and follows.
import { requestImport } from '@/features/transfers/api/image-import';
import { fetchTransferImage, storeList } from '@/features/transfers/api/import-progress';
import { pollImport } from '@/features/transfers/api/import-poller';
import type { ImportRequest, TransferRunner } from '@/features/transfers/api/transfer-types';

export const runImport: TransferRunner<ImportRequest> = async (request, context) => {
  const { imageId, method, uri, stores, allStoresMustSucceed } = request;
  context.phase('importing');
  // A failed web-download leaves the record queued without data: offer to delete it.
  context.offerDelete(method === 'web-download');
  // A retry after Loupe stopped watching: if Glance is still at it, follow it instead of asking again.
  let stillRunning = false;
  if (context.attempt > 1) {
    const current = await fetchTransferImage(imageId, context.signal);
    stillRunning = current.status === 'importing' || (method === 'copy-image' && storeList(current.os_glance_importing_to_stores).length > 0);
  }
  const alreadyAsked = context.attempt === 1 && request.requestId !== undefined;
  const requestId = alreadyAsked
    ? request.requestId
    : stillRunning
      ? undefined
      : await requestImport(imageId, { method, uri, stores, allStoresMustSucceed }, context.signal);
  const image = await pollImport({ imageId, method, requestId, allStoresMustSucceed }, context);
  context.offerDelete(false);
  if (image.size != null) context.progress(image.size, image.size);
  context.verification({
    state: 'unavailable',
    expected: { md5: image.checksum ?? null, algo: image.os_hash_algo ?? null, value: image.os_hash_value ?? null },
    actual: {},
    reason: 'Glance fetched the data itself, so Loupe has no copy of it to compare.',
  });
};
