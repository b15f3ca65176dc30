// The download's decisions, without any I/O: which byte ranges to ask for, how many at once,
// when to retry a failed range and when to give up. The runner (download-runner.ts) does the
// fetching and calls back here; time is passed in, so every decision is a plain function of state.

export interface PlannerOptions {
  /** Bytes per ranged request ("a few MiB"). */
  chunkSize: number;
  /** Requests in flight at once. */
  maxInFlight: number;
  /**
   * How far ahead of the first unfinished chunk a request may start. Chunks that finish ahead
   * of it wait in memory (the data is hashed and written in order), so this bounds that memory
   * to (lookahead − 1) × chunkSize.
   */
  lookahead: number;
  /** Consecutive failures of one chunk without a single new byte before the download gives up. */
  maxAttempts: number;
  /** Backoff before retry n (1-based): min(maxDelayMs, baseDelayMs × 2^(n−1)), scaled by 0.5–1.0 jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_PLANNER_OPTIONS: PlannerOptions = {
  chunkSize: 8 * 1024 * 1024,
  maxInFlight: 4,
  lookahead: 4,
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

export type ChunkStatus = 'waiting' | 'running' | 'done';

export interface Chunk {
  index: number;
  /** First byte of the chunk in the image. */
  start: number;
  /** Last byte of the chunk, inclusive (as in a Range header). */
  end: number;
  /** Bytes of this chunk already received, from `start` on: a retry asks only for the rest. */
  received: number;
  status: ChunkStatus;
  /** Failures in a row without a new byte; progress resets it. */
  failures: number;
  /** A waiting chunk is not started before this time (ms, the caller's clock). */
  notBefore: number;
}

/** One ranged request to make: the rest of a chunk. */
export interface RangeRequest {
  index: number;
  start: number;
  end: number;
}

export type FailureDecision = { retry: true; delayMs: number } | { retry: false };

/** `Range: bytes=a-b` for a request (both ends inclusive). */
export function rangeHeader(request: { start: number; end: number }): string {
  return `bytes=${String(request.start)}-${String(request.end)}`;
}

export interface ContentRange {
  start: number;
  end: number;
  /** null for `*` (the server does not say). */
  total: number | null;
}

/** Parses `Content-Range: bytes a-b/total` (or `…/*`); undefined for anything else. */
export function parseContentRange(header: string | null): ContentRange | undefined {
  const match = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const [, start = '', end = '', total = ''] = match;
  const range = { start: Number(start), end: Number(end), total: total === '*' ? null : Number(total) };
  return range.end >= range.start ? range : undefined;
}

/** The delay before retry number `failures` (1-based); `random` in [0, 1) spreads retries of parallel chunks. */
export function backoffDelay(failures: number, options: Pick<PlannerOptions, 'baseDelayMs' | 'maxDelayMs'>, random: number): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential * (0.5 + random / 2));
}

/** Splits `total` bytes into chunks of `chunkSize` (the last one shorter). */
export function splitIntoChunks(total: number, chunkSize: number): Chunk[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`not a byte count: ${String(total)}`);
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new RangeError(`not a chunk size: ${String(chunkSize)}`);
  const chunks: Chunk[] = [];
  for (let start = 0, index = 0; start < total; start += chunkSize, index += 1) {
    chunks.push({ index, start, end: Math.min(total, start + chunkSize) - 1, received: 0, status: 'waiting', failures: 0, notBefore: 0 });
  }
  return chunks;
}

export function chunkLength(chunk: Chunk): number {
  return chunk.end - chunk.start + 1;
}

/**
 * The state of one download's ranges. It survives a failed download: `resume()` after the user
 * presses Retry keeps every byte already received and asks only for what is missing.
 */
export class ChunkPlanner {
  readonly total: number;
  readonly options: PlannerOptions;
  readonly chunks: readonly Chunk[];
  private readonly random: () => number;

  constructor(total: number, options: Partial<PlannerOptions> = {}, random: () => number = Math.random) {
    this.options = { ...DEFAULT_PLANNER_OPTIONS, ...options };
    if (this.options.maxInFlight < 1 || this.options.lookahead < 1) throw new RangeError('maxInFlight and lookahead must be at least 1');
    this.total = total;
    this.chunks = splitIntoChunks(total, this.options.chunkSize);
    this.random = random;
  }

  /** Index of the first chunk not yet complete (chunks.length when all are). */
  get head(): number {
    const index = this.chunks.findIndex((chunk) => chunk.status !== 'done');
    return index === -1 ? this.chunks.length : index;
  }

  get complete(): boolean {
    return this.chunks.every((chunk) => chunk.status === 'done');
  }

  get bytesReceived(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.received, 0);
  }

  get running(): number {
    return this.chunks.filter((chunk) => chunk.status === 'running').length;
  }

  /**
   * The requests to start now, marked running: waiting chunks whose backoff has passed, inside
   * the lookahead window, up to maxInFlight in flight (or `inFlightLimit`, lower, e.g. 1 for the
   * first request). Each asks for the chunk's missing tail.
   */
  take(now: number, inFlightLimit = this.options.maxInFlight): RangeRequest[] {
    const head = this.head;
    const limit = Math.min(this.chunks.length, head + this.options.lookahead);
    let free = Math.min(inFlightLimit, this.options.maxInFlight) - this.running;
    const requests: RangeRequest[] = [];
    for (let index = head; index < limit && free > 0; index += 1) {
      const chunk = this.chunks[index];
      if (!chunk || chunk.status !== 'waiting' || chunk.notBefore > now) continue;
      chunk.status = 'running';
      requests.push({ index, start: chunk.start + chunk.received, end: chunk.end });
      free -= 1;
    }
    return requests;
  }

  /** When the next backed-off chunk inside the window may start; undefined when none waits for time. */
  nextWake(now: number): number | undefined {
    const head = this.head;
    const limit = Math.min(this.chunks.length, head + this.options.lookahead);
    let wake: number | undefined;
    for (let index = head; index < limit; index += 1) {
      const chunk = this.chunks[index];
      if (chunk?.status === 'waiting' && chunk.notBefore > now) wake = Math.min(wake ?? Infinity, chunk.notBefore);
    }
    return wake;
  }

  /** Bytes arrived for a running chunk; any progress forgives its earlier failures. */
  receive(index: number, bytes: number): void {
    const chunk = this.chunk(index);
    if (chunk.status !== 'running') throw new Error(`chunk ${String(index)} is not running`);
    if (chunk.received + bytes > chunkLength(chunk)) throw new RangeError(`chunk ${String(index)} got more bytes than it holds`);
    chunk.received += bytes;
    if (bytes > 0) chunk.failures = 0;
  }

  /**
   * The request's body ended. A complete chunk is done; a short one (the connection closed
   * early) counts as a failure and is retried from where it stopped.
   */
  finish(index: number, now: number): FailureDecision | { retry: false; done: true } {
    const chunk = this.chunk(index);
    if (chunk.received === chunkLength(chunk)) {
      chunk.status = 'done';
      return { retry: false, done: true };
    }
    return this.fail(index, now, true);
  }

  /** A request failed. Retryable failures wait (backoff) and start again; the others, or too many in a row, give up. */
  fail(index: number, now: number, retryable: boolean): FailureDecision {
    const chunk = this.chunk(index);
    chunk.status = 'waiting';
    chunk.failures += 1;
    if (!retryable || chunk.failures >= this.options.maxAttempts) return { retry: false };
    const delayMs = backoffDelay(chunk.failures, this.options, this.random());
    chunk.notBefore = now + delayMs;
    return { retry: true, delayMs };
  }

  /** After the download stopped (gave up, cancelled): stop everything running, keep received bytes, start afresh on resume. */
  resume(): void {
    for (const chunk of this.chunks) {
      if (chunk.status === 'done') continue;
      chunk.status = 'waiting';
      chunk.failures = 0;
      chunk.notBefore = 0;
    }
  }

  private chunk(index: number): Chunk {
    const chunk = this.chunks[index];
    if (!chunk) throw new RangeError(`no chunk ${String(index)}`);
    return chunk;
  }
}
