import { ChunkPlanner, type PlannerOptions, type RangeRequest } from '@/features/transfers/download/chunk-planner';
import { DownloadOutput, type BlockHasher, type OutputOptions } from '@/features/transfers/download/download-output';
import { DownloadError, isRetryable } from '@/features/transfers/download/download-errors';
import { OrderedAssembler } from '@/features/transfers/download/ordered-assembler';
import { fetchRange, type RangeFetchContext } from '@/features/transfers/download/range-fetch';
import type { DownloadSink } from '@/features/transfers/download/sinks';

// One download's moving parts, kept together so that a failed download can resume: the
// planner knows which bytes arrived, the assembler holds those that came early, the hasher has
// hashed every byte in order so far and the sink has them written. `receive()` runs until all
// bytes are in, or fails (retries exhausted, or an answer retrying cannot change); calling it
// again continues from there.

export interface JobHasher extends BlockHasher {
  digest(): Promise<Record<string, string>>;
  dispose(): void;
}

export interface JobParts {
  fetch: Omit<RangeFetchContext, 'total'>;
  total: number;
  sink: DownloadSink;
  hasher: JobHasher;
  planner?: Partial<PlannerOptions>;
  output?: Partial<OutputOptions>;
  now?: () => number;
  random?: () => number;
}

export interface JobProgress {
  bytesReceived: number;
  bytesTotal: number;
}

export class DownloadJob {
  readonly planner: ChunkPlanner;
  readonly sink: DownloadSink;
  readonly hasher: JobHasher;
  /** Content-MD5 of the answers (Glance's md5 of the whole image), when sent. */
  contentMd5: string | null = null;
  private readonly assembler: OrderedAssembler;
  private readonly output: DownloadOutput;
  private readonly fetchContext: RangeFetchContext;
  private readonly now: () => number;
  private received: number;
  private discarded = false;

  constructor(parts: JobParts) {
    this.planner = new ChunkPlanner(parts.total, parts.planner, parts.random);
    this.sink = parts.sink;
    this.hasher = parts.hasher;
    this.output = new DownloadOutput(parts.sink, parts.hasher, parts.output);
    this.assembler = new OrderedAssembler(this.planner.chunks.length, (bytes) => this.output.push(bytes));
    this.fetchContext = { ...parts.fetch, total: parts.total };
    this.now = parts.now ?? Date.now;
    this.received = 0;
  }

  get total(): number {
    return this.planner.total;
  }

  get bytesReceived(): number {
    return this.received;
  }

  /** Bytes held in memory because an earlier chunk is still arriving. */
  get bufferedBytes(): number {
    return this.assembler.bufferedBytes;
  }

  /**
   * Fetches every missing byte. The first request goes alone (a 403 or 204 is learnt once, not
   * once per parallel request); the others follow when its first bytes arrive. On failure it
   * stops every request and waits for them to end before rejecting, so a later call starts clean.
   */
  async receive(signal: AbortSignal, onProgress: (progress: JobProgress) => void): Promise<void> {
    this.planner.resume();
    this.onProgress = onProgress;
    const stop = new AbortController();
    const onAbort = () => stop.abort(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const inFlight = new Set<Promise<void>>();
    let probing = this.received === 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = new Promise<void>((resolve, reject) => {
      const schedule = () => {
        if (stop.signal.aborted) return;
        if (this.planner.complete) return resolve();
        const now = this.now();
        for (const request of this.planner.take(now, probing ? 1 : undefined)) {
          const afterFirstBytes = () => {
            if (!probing) return;
            probing = false;
            schedule();
          };
          const running = this.fetchOne(request, stop.signal, afterFirstBytes).then(schedule, (error: unknown) => {
            stop.abort(error);
          });
          inFlight.add(running);
          void running.finally(() => inFlight.delete(running));
        }
        const wake = this.planner.nextWake(now);
        clearTimeout(timer);
        if (wake !== undefined) timer = setTimeout(schedule, Math.max(0, wake - now));
      };
      const abort = () => reject(stop.signal.reason ?? new DOMException('Aborted', 'AbortError'));
      if (stop.signal.aborted) return abort();
      stop.signal.addEventListener('abort', abort, { once: true });
      this.report();
      schedule();
    });
    try {
      await done;
    } catch (error) {
      await Promise.allSettled([...inFlight]);
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
      clearTimeout(timer);
    }
    await this.output.flush();
  }

  /** Waits until every byte is written and hashed, then digests. */
  async digest(): Promise<Record<string, string>> {
    await this.output.flush();
    return this.hasher.digest();
  }

  private onProgress: (progress: JobProgress) => void = () => undefined;

  private report(): void {
    this.onProgress({ bytesReceived: this.received, bytesTotal: this.total });
  }

  /** One ranged request: bytes go to the planner and, in order, to the output. Rejects only to stop the download. */
  private async fetchOne(request: RangeRequest, signal: AbortSignal, onFirstBytes: () => void): Promise<void> {
    try {
      const answer = await fetchRange(this.fetchContext, request, signal, async (bytes) => {
        if (signal.aborted) throw signal.reason;
        this.planner.receive(request.index, bytes.byteLength);
        this.received += bytes.byteLength;
        this.assembler.push(request.index, bytes);
        this.report();
        onFirstBytes();
        await this.output.room();
      });
      this.contentMd5 ??= answer.contentMd5;
      const decision = this.planner.finish(request.index, this.now());
      if ('done' in decision) this.assembler.finish(request.index);
      else if (!decision.retry) {
        throw new DownloadError('dropped', `Glance kept closing the connection early while sending ${this.fetchContext.imageName}.`, true);
      }
    } catch (error) {
      if (signal.aborted) throw signal.reason ?? error;
      if (error instanceof DownloadError && error.problem === 'dropped') throw error;
      const decision = this.planner.fail(request.index, this.now(), isRetryable(error));
      if (!decision.retry) throw error;
    }
  }

  /** Stops for good: nothing is saved and the hasher's worker ends. */
  async discard(): Promise<void> {
    if (this.discarded) return;
    this.discarded = true;
    this.hasher.dispose();
    await this.sink.discard();
  }
}
