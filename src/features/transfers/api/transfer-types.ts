// The shapes every part of the transfers feature shares: what a transfer is, what starts one,
// and what a runner (the code that moves the bytes for one kind) is given to report with.

import type { SaveTarget } from '@/features/transfers/download/sinks';

export type TransferKind = 'upload' | 'download' | 'import';

/**
 * queued: waiting to start; running: bytes moving between the browser and Glance;
 * importing: Glance works on its own (staged import, web-download, copy-image), Loupe polls;
 * verifying: comparing hashes; done / failed / cancelled: settled.
 */
export type TransferState = 'queued' | 'running' | 'importing' | 'verifying' | 'done' | 'failed' | 'cancelled';

export const SETTLED_STATES: ReadonlySet<TransferState> = new Set(['done', 'failed', 'cancelled']);

export interface Verification {
  state: 'pending' | 'verified' | 'mismatch' | 'unavailable';
  /** What Glance says the data is (checksum = md5, os_hash_algo/os_hash_value). */
  expected: { md5?: string | null; algo?: string | null; value?: string | null };
  /** What Loupe computed from the bytes it sent or received. */
  actual: { md5?: string; algo?: string; value?: string };
  /** Why the state is `unavailable`, in words (e.g. "Glance has no checksum for this image"). */
  reason?: string;
}

export interface Transfer {
  id: string;
  kind: TransferKind;
  imageId: string;
  imageName: string;
  state: TransferState;
  bytesDone: number;
  bytesTotal: number | null;
  /** Smoothed over the last seconds; null until there is enough to say. */
  bytesPerSecond: number | null;
  startedAt: number;
  finishedAt?: number;
  /** Human message that already says what to do (set when failed, or cancelled by sign-out). */
  error?: string;
  /** A note while running or after success, e.g. Glance's task message "Copied 15 MiB". */
  note?: string;
  verification?: Verification;
  /** Target stores (multi-store clouds). */
  stores?: string[];
  /** Import method or upload method, for the tray's wording. */
  method?: string;
  /** True for an upload or import that may be retried (the runner decides what retry means). */
  retryable: boolean;
  /**
   * True when the image record exists and failed to get its data: the tray offers to delete it
   * (never a silent orphan).
   */
  offerDelete: boolean;
}

export interface UploadRequest {
  imageId: string;
  imageName: string;
  file: File;
  /** direct = PUT /file; glance-direct = PUT /stage then POST /import. */
  method: 'direct' | 'glance-direct';
  /** Direct uploads go to one store (X-Image-Meta-Store: the first); imports to all listed. */
  stores?: string[];
  allStoresMustSucceed?: boolean;
}

export interface ImportRequest {
  imageId: string;
  imageName: string;
  method: 'web-download' | 'copy-image';
  /** For web-download: the http(s) URL Glance fetches. */
  uri?: string;
  stores?: string[];
  allStoresMustSucceed?: boolean;
  /**
   * An import the page already asked for (its POST /import's request id): the tray follows it
   * instead of asking again, so a refusal stays where the user asked. A retry asks anew.
   */
  requestId?: string | undefined;
}

/**
 * What a download needs. The download runner (src/features/transfers/download/) owns its
 * meaning; fields beyond these may be added there by the download part, in this interface.
 */
export interface DownloadRequest {
  imageId: string;
  imageName: string;
  /** Suggested file name for the saved file. */
  fileName: string;
  /** The image's size in bytes, when Glance knows it. */
  size: number | null;
  /** Glance's checksum (md5) and multihash, to verify while receiving. */
  expected: Verification['expected'];
  /** Where the bytes go: a file the user picked (File System Access API), or (the default) the browser's downloads. */
  target?: SaveTarget;
}

export interface RequestByKind {
  upload: UploadRequest;
  import: ImportRequest;
  download: DownloadRequest;
}

/** What a runner may report; each call updates the transfer in the store (and the tray). */
export interface TransferContext {
  readonly id: string;
  /** Aborted on cancel, sign-out and project switch. Pass it to every request. */
  readonly signal: AbortSignal;
  /** 1 on the first run, 2 on the first retry… (a retry runs the runner again with the same request). */
  readonly attempt: number;
  progress(bytesDone: number, bytesTotal?: number | null): void;
  phase(state: 'running' | 'importing' | 'verifying'): void;
  note(text: string | undefined): void;
  verification(verification: Verification): void;
  stores(stores: string[]): void;
  /** The image record exists without data: after a failure, the tray offers to delete it. */
  offerDelete(offer: boolean): void;
}

/**
 * Moves the bytes for one transfer. Resolve when it is done; throw when it failed (an ApiError,
 * or a TransferError with a human message); when `context.signal` aborts, reject (any error):
 * the store records a cancel instead of a failure.
 */
export type TransferRunner<Request> = (request: Request, context: TransferContext) => Promise<void>;

/** A failure whose message is already the sentence to show (what happened, what to do). */
export class TransferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransferError';
  }
}
