// A download from click to saved file: ranged chunks fetched in parallel, every byte hashed in
// order as it arrives (md5 and the cloud's os_hash_algo, in the engine's worker), written to
// the file the user picked (or kept as Blob parts in browsers without the File System Access
// API), then compared with Glance's checksum and os_hash_value before the file is kept.
//
// A failed download keeps its state under the transfer's id: Retry continues where it stopped
// (the bytes received, the hash so far, the file written so far). Cancel, sign-out and a
// mismatch drop it; so does dismissing the failed transfer from the tray.
import { createHasher } from '@/features/transfers/api/hasher';
import { toHashAlgorithm, type HashAlgorithm, type HashValues } from '@/features/transfers/api/hash-names';
import { transferStore } from '@/features/transfers/api/transfer-store';
import { TransferError, type DownloadRequest, type TransferContext, type TransferRunner } from '@/features/transfers/api/transfer-types';
import { verify } from '@/features/transfers/api/verification';
import { downloadMessage, isRetryable } from '@/features/transfers/download/download-errors';
import type { PlannerOptions } from '@/features/transfers/download/chunk-planner';
import { DownloadJob, type JobHasher } from '@/features/transfers/download/download-job';
import { probeSize } from '@/features/transfers/download/range-fetch';
import { openSink } from '@/features/transfers/download/sinks';
import { glance } from '@/lib/glance';

/** The download's knobs: the planner's (chunk size, parallelism, retries) and the stall timeout. */
export const downloadTuning: { planner: Partial<PlannerOptions>; idleTimeoutMs: number } = {
  planner: {},
  /** No byte for this long and a request counts as dropped (and is retried). */
  idleTimeoutMs: 30_000,
};
/** How often progress reaches the store (the last byte always does). */
const PROGRESS_INTERVAL_MS = 100;

const jobs = new Map<string, DownloadJob>();
let watching: (() => void) | undefined;

/** Drops the kept state of downloads the tray no longer lists (dismissed, or cleared on sign-out). */
function watchDismissals(): void {
  watching ??= transferStore.subscribe(() => {
    for (const [id, job] of jobs) {
      if (transferStore.get(id)) continue;
      jobs.delete(id);
      void job.discard();
    }
    if (jobs.size === 0) {
      watching?.();
      watching = undefined;
    }
  });
}

/** The hashes to compute: md5 (Glance's checksum) and the cloud's os_hash_algo when Loupe can compute it. */
export function hashAlgorithms(expected: DownloadRequest['expected']): HashAlgorithm[] {
  const algorithm = toHashAlgorithm(expected.algo);
  return algorithm && algorithm !== 'md5' && expected.value ? ['md5', algorithm] : ['md5'];
}

/**
 * One worker per algorithm: md5 and sha512 hash the same bytes side by side instead of one
 * after the other, so verification keeps up with a fast link on a machine with cores to spare.
 */
function jobHasher(algorithms: HashAlgorithm[]): JobHasher {
  const hashers = algorithms.map((algorithm) => createHasher([algorithm]));
  return {
    update: async (bytes) => {
      await Promise.all(hashers.map((hasher) => hasher.update(bytes)));
    },
    digest: async () => {
      const values = await Promise.all(hashers.map((hasher) => hasher.digest()));
      return Object.assign({}, ...values) as Record<string, string>;
    },
    dispose: () => hashers.forEach((hasher) => hasher.dispose()),
  };
}

async function createJob(request: DownloadRequest, signal: AbortSignal): Promise<DownloadJob> {
  const client = glance();
  const total = request.size ?? (await probeSize(client, request.imageId, request.imageName, signal));
  const sink = await openSink(request.target ?? { kind: 'browser', fileName: request.fileName });
  return new DownloadJob({
    fetch: { client, imageId: request.imageId, imageName: request.imageName, idleTimeoutMs: downloadTuning.idleTimeoutMs },
    planner: downloadTuning.planner,
    total,
    sink,
    hasher: jobHasher(hashAlgorithms(request.expected)),
  });
}

/** Compares, then keeps the file (or hands the Blob to the browser) only when nothing disagrees. */
async function verifyAndSave(request: DownloadRequest, job: DownloadJob, context: TransferContext): Promise<void> {
  context.phase('verifying');
  const computed = (await job.digest()) as HashValues;
  const verification = verify(
    {
      // Glance's checksum is md5; the Content-MD5 of its answers says the same when the record had none.
      checksum: request.expected.md5 ?? job.contentMd5,
      os_hash_algo: request.expected.algo,
      os_hash_value: request.expected.value,
    },
    computed,
  );
  context.verification(verification);
  if (verification.state === 'mismatch') {
    await job.discard();
    throw new TransferError(
      `The bytes received for ${request.imageName} do not match what Glance recorded (both values are shown), so the file was not saved. Download it again; if it happens again, tell your operator: the stored data may be damaged.`,
    );
  }
  await job.sink.close();
}

export const runDownload: TransferRunner<DownloadRequest> = async (request, context) => {
  const { signal } = context;
  let job = jobs.get(context.id);
  try {
    if (!job) {
      job = await createJob(request, signal);
      jobs.set(context.id, job);
      watchDismissals();
    }
    const expected = { md5: request.expected.md5 ?? null, algo: request.expected.algo ?? null, value: request.expected.value ?? null };
    context.verification({ state: 'pending', expected, actual: {} });
    const running = job;
    // Bytes arrive in pieces of tens of KiB; the tray needs a figure a few times a second.
    let reported = 0;
    await running.receive(signal, ({ bytesReceived, bytesTotal }) => {
      const now = performance.now();
      if (now - reported < PROGRESS_INTERVAL_MS && bytesReceived < bytesTotal) return;
      reported = now;
      context.progress(bytesReceived, bytesTotal);
    });
    await verifyAndSave(request, running, context);
    jobs.delete(context.id);
  } catch (error) {
    // Resumable: the connection (or Glance) failed more times in a row than the planner allows.
    const resumable = !signal.aborted && job !== undefined && isRetryable(error);
    if (!resumable) {
      jobs.delete(context.id);
      await job?.discard();
    }
    if (signal.aborted || error instanceof TransferError) throw error;
    throw new TransferError(downloadMessage(request.imageName, error));
  }
};
