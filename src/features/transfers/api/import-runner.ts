// web-download and copy-image: Glance moves the bytes itself; Loupe asks and follows.
import { requestImport } from '@/features/transfers/api/image-import';
import { pollImport } from '@/features/transfers/api/import-poller';
import type { ImportRequest, TransferRunner } from '@/features/transfers/api/transfer-types';

export const runImport: TransferRunner<ImportRequest> = async (request, context) => {
  const { imageId, method, uri, stores, allStoresMustSucceed } = request;
  context.phase('importing');
  // A failed web-download leaves the record queued without data: offer to delete it.
  context.offerDelete(method === 'web-download');
  const requestId = await requestImport(imageId, { method, uri, stores, allStoresMustSucceed }, context.signal);
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
