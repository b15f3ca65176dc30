// An upload from start to verified: read the image, hash the file in the worker while the
// browser streams it to Glance (direct PUT /file, or PUT /stage then POST /import and polling),
// then compare the hashes with what Glance recorded.
import { learnHashAlgo, cloudHashAlgo } from '@/features/transfers/api/hash-algo-probe';
import { toHashAlgorithm, type HashAlgorithm, type HashValues } from '@/features/transfers/api/hash-names';
import { hashBlob } from '@/features/transfers/api/hasher';
import { canFallBackToStaging, preferredUploadMethod, rememberDirectUploadRefused } from '@/features/transfers/api/direct-upload-policy';
import { stageImageData, uploadImageData } from '@/features/transfers/api/image-data';
import { requestImport } from '@/features/transfers/api/image-import';
import { fetchTransferImage, type TransferImage } from '@/features/transfers/api/import-progress';
import { pollImport } from '@/features/transfers/api/import-poller';
import { TransferError, type TransferContext, type TransferRunner, type UploadRequest } from '@/features/transfers/api/transfer-types';
import { verify } from '@/features/transfers/api/verification';

/** Hashing runs beside the upload and never fails it: an error becomes "could not verify". */
function hashBeside(file: File, algorithms: HashAlgorithm[], signal: AbortSignal, onProgress: (bytes: number) => void): Promise<HashValues | Error> {
  return hashBlob(file, algorithms, { signal, onProgress }).catch((error: unknown) => {
    if (signal.aborted) throw error;
    return error instanceof Error ? error : new Error(String(error));
  });
}

/** PUT /file; on a cloud that refuses it but offers glance-direct, stages instead. Returns the method used. */
async function putOrStage(request: UploadRequest, context: TransferContext): Promise<UploadRequest['method']> {
  const { imageId, file, stores } = request;
  const { signal } = context;
  const onProgress = (loaded: number) => context.progress(loaded, file.size);
  if (request.method === 'glance-direct') {
    await stageImageData(imageId, file, { signal, onProgress });
    return 'glance-direct';
  }
  try {
    await uploadImageData(imageId, file, { signal, onProgress, store: stores?.[0] });
    return 'direct';
  } catch (error) {
    if (!(await canFallBackToStaging(error, signal))) throw error;
    context.note('This cloud refuses direct uploads (403), so the file goes through glance-direct staging and import instead.');
    await stageImageData(imageId, file, { signal, onProgress });
    rememberDirectUploadRefused();
    return 'glance-direct';
  }
}

async function sendData(request: UploadRequest, image: TransferImage, context: TransferContext): Promise<void> {
  const { imageId, stores, allStoresMustSucceed } = request;
  let { method } = request;
  const { signal } = context;
  if (method === 'glance-direct' && image.status === 'importing') {
    // A retry after Loupe stopped watching: Glance is still importing, follow it again.
    context.phase('importing');
    await pollImport({ imageId, method: 'glance-direct', allStoresMustSucceed }, context);
    return;
  }
  const alreadyStaged = method === 'glance-direct' && image.status === 'uploading';
  if (!alreadyStaged) {
    context.phase('running');
    method = await putOrStage(request, context);
  }
  if (method === 'glance-direct') {
    context.phase('importing');
    const requestId = await requestImport(imageId, { method: 'glance-direct', stores, allStoresMustSucceed }, signal);
    await pollImport({ imageId, method: 'glance-direct', requestId, allStoresMustSucceed }, context);
  }
}

export const runUpload: TransferRunner<UploadRequest> = async (asked, context) => {
  // Once this cloud refused a direct upload, every upload (and a retry of that one) stages.
  const request: UploadRequest = asked.method === 'direct' ? { ...asked, method: preferredUploadMethod() } : asked;
  const { imageId, file, method } = request;
  const { signal } = context;
  const image = await fetchTransferImage(imageId, signal);
  const hasData = image.status === 'active';
  const canTakeData = image.status === 'queued' || (method === 'glance-direct' && (image.status === 'uploading' || image.status === 'importing'));
  if (!hasData && !canTakeData) {
    context.offerDelete(true);
    throw new TransferError(`The image is ${image.status}: Glance takes data only into a queued image. Delete it and create it again.`);
  }
  // From here a failure leaves a record without data: the tray offers to delete it.
  if (!hasData) context.offerDelete(true);

  // The bytes start moving at once; the hashing starts beside them as soon as the algorithm is known.
  let verifying = false;
  const hashing = cloudHashAlgo(signal).then((algorithm) =>
    hashBeside(file, ['md5', algorithm], signal, (bytes) => {
      if (verifying) context.progress(bytes, file.size);
    }),
  );
  // Until it is awaited below, a rejection here (an abort) must not go unhandled.
  hashing.catch(() => {});
  if (!hasData) await sendData(request, image, context);

  verifying = true;
  context.phase('verifying');
  const stored = await fetchTransferImage(imageId, signal);
  if (stored.status !== 'active') {
    throw new TransferError(`Glance accepted the data, but the image is ${stored.status} instead of active. Retry, or delete the image.`);
  }
  context.offerDelete(false);
  learnHashAlgo(stored.os_hash_algo);
  let computed = await hashing;
  const reported = toHashAlgorithm(stored.os_hash_algo);
  if (!(computed instanceof Error) && reported && !computed[reported]) {
    // The cloud uses another algorithm than guessed: one more pass over the file.
    const extra = await hashBeside(file, [reported], signal, (bytes) => context.progress(bytes, file.size));
    computed = extra instanceof Error ? extra : { ...computed, ...extra };
  }
  if (computed instanceof Error) {
    const expected = { md5: stored.checksum ?? null, algo: stored.os_hash_algo ?? null, value: stored.os_hash_value ?? null };
    context.verification({ state: 'unavailable', expected, actual: {}, reason: computed.message });
    return;
  }
  const verification = verify(stored, computed);
  context.verification(verification);
  if (verification.state === 'mismatch') {
    context.offerDelete(true);
    throw new TransferError('The data Glance stored does not match your file (see both hashes). Delete the image and upload it again.');
  }
};
