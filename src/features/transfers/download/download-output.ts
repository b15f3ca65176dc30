// The in-order side of a download: bytes arrive as many small network pieces; this gathers
// them into blocks and sends each block both to the sink (the file, or the Blob parts) and to
// the hasher, each in its own serial chain, so writing and hashing overlap. It owns the
// backpressure: `room()` waits while either chain lags too far behind the network.

/** What the output needs of the engine's hasher (createHasher). */
export interface BlockHasher {
  update(chunk: Uint8Array): Promise<void>;
}

/** What the output needs of a sink. */
export interface BlockWriter {
  write(bytes: Uint8Array<ArrayBuffer>): Promise<void>;
}

export interface OutputOptions {
  /** Bytes per block handed to the sink and the hasher. */
  blockSize: number;
  /** Bytes in blocks not yet written or not yet hashed before `room()` makes the network wait. */
  maxPending: number;
}

export const DEFAULT_OUTPUT_OPTIONS: OutputOptions = { blockSize: 4 * 1024 * 1024, maxPending: 16 * 1024 * 1024 };

export class DownloadOutput {
  private block: Uint8Array<ArrayBuffer> | undefined;
  private fill = 0;
  private writeChain: Promise<void> = Promise.resolve();
  private hashChain: Promise<void> = Promise.resolve();
  private pendingWrite = 0;
  private pendingHash = 0;
  private failure: { error: unknown } | undefined;
  private waiters: (() => void)[] = [];
  private readonly options: OutputOptions;
  /** Bytes accepted so far (in order). */
  bytesIn = 0;

  constructor(
    private readonly writer: BlockWriter,
    private readonly hasher: BlockHasher,
    options: Partial<OutputOptions> = {},
  ) {
    this.options = { ...DEFAULT_OUTPUT_OPTIONS, ...options };
  }

  /** Takes the next bytes in order (copied into the current block; the caller may reuse its buffer). */
  push(bytes: Uint8Array): void {
    this.throwIfFailed();
    this.bytesIn += bytes.byteLength;
    let offset = 0;
    while (offset < bytes.byteLength) {
      this.block ??= new Uint8Array(this.options.blockSize);
      const take = Math.min(bytes.byteLength - offset, this.block.byteLength - this.fill);
      this.block.set(bytes.subarray(offset, offset + take), this.fill);
      this.fill += take;
      offset += take;
      if (this.fill === this.block.byteLength) this.send();
    }
  }

  /** Resolves when the sink and the hasher are close enough behind; rejects once either failed. */
  room(): Promise<void> {
    this.throwIfFailed();
    if (Math.max(this.pendingWrite, this.pendingHash) < this.options.maxPending) return Promise.resolve();
    return new Promise<void>((resolve) => this.waiters.push(resolve)).then(() => this.throwIfFailed());
  }

  /** Sends the last partial block and waits until everything is written and hashed. */
  async flush(): Promise<void> {
    this.send();
    await Promise.all([this.writeChain, this.hashChain]);
    this.throwIfFailed();
  }

  private send(): void {
    if (!this.block || this.fill === 0) return;
    const block = this.fill === this.block.byteLength ? this.block : this.block.slice(0, this.fill);
    this.block = undefined;
    this.fill = 0;
    const size = block.byteLength;
    this.pendingWrite += size;
    this.pendingHash += size;
    this.writeChain = this.writeChain
      .then(() => (this.failure ? undefined : this.writer.write(block)))
      .then(() => this.settle(() => (this.pendingWrite -= size)), (error: unknown) => this.fail(error));
    this.hashChain = this.hashChain
      .then(() => (this.failure ? undefined : this.hasher.update(block)))
      .then(() => this.settle(() => (this.pendingHash -= size)), (error: unknown) => this.fail(error));
  }

  private settle(update: () => void): void {
    update();
    if (Math.max(this.pendingWrite, this.pendingHash) < this.options.maxPending) this.wake();
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
