import { describeError, isApiError } from '@/lib/api-error';

// Why a download stopped, in words that say what to do. `retryable` decides whether the
// planner tries the same range again (with backoff) or the download stops at once.

export type DownloadProblem =
  | 'no-data' // 204, or an image without data: nothing to download
  | 'deactivated' // 403 on a deactivated image
  | 'range-ignored' // 200 to a ranged request
  | 'size-changed' // Content-Range does not match the image
  | 'stalled' // no byte for too long
  | 'dropped' // the body ended early or the connection broke
  | 'http'; // any other answer (ApiError)

export class DownloadError extends Error {
  readonly problem: DownloadProblem;
  readonly retryable: boolean;
  constructor(problem: DownloadProblem, message: string, retryable: boolean) {
    super(message);
    this.name = 'DownloadError';
    this.problem = problem;
    this.retryable = retryable;
  }
}

export function noDataError(name: string, status: string | null): DownloadError {
  const why = status && status !== 'active' ? ` (its status is ${status})` : '';
  return new DownloadError(
    'no-data',
    `${name} has no data to download${why}: Glance answered 204 No Content. Upload data to it, or wait until its import finishes, then download again.`,
    false,
  );
}

export function deactivatedError(name: string): DownloadError {
  return new DownloadError(
    'deactivated',
    `${name} is deactivated: Glance refuses to hand out its data (403) to anyone but administrators. Ask an administrator to reactivate it, then download again.`,
    false,
  );
}

/** Network failures, 5xx, 408 and 429 are worth another try; other answers will not change. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof DownloadError) return error.retryable;
  if (isApiError(error)) {
    if (error.kind === 'network') return true;
    return error.status === 408 || error.status === 429 || error.status >= 500;
  }
  // fetch's TypeError when the connection breaks while the body streams.
  return error instanceof TypeError;
}

/** The sentence the tray shows for a download that stopped. */
export function downloadMessage(name: string, error: unknown): string {
  if (error instanceof DownloadError) return error.message;
  if (isApiError(error) && error.status === 403 && /deactivated/i.test(error.message)) return deactivatedError(name).message;
  if (isApiError(error) && error.status === 416) {
    return `Glance says the requested bytes of ${name} do not exist (416): the image changed while downloading. Download it again.`;
  }
  if (error instanceof TypeError || (isApiError(error) && error.kind === 'network')) {
    return `The connection to Glance broke while downloading ${name}, and retrying did not bring it back. Check your network, then press Retry: the download continues where it stopped.`;
  }
  const { title, detail } = describeError(error);
  return `Downloading ${name}: ${title}. ${detail}`;
}
