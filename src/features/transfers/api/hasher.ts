// Hashing off the main thread: a Web Worker running hash-wasm. The page never holds the data
// it hashes (hashBlob hands the worker a File, which reads it from disk in chunks), or holds
// one chunk at a time (createHasher: await each update before sending the next).
import type { HashAlgorithm, HashValues } from '@/features/transfers/api/hash-names';
import type { HashPort, HashRequest, HashResponse } from '@/features/transfers/api/hash-protocol';

/** Bytes read per step when hashing a file: large enough for speed, small enough for flat memory. */
export const HASH_CHUNK_BYTES = 8 * 1024 * 1024;

export function spawnHashWorker(): HashPort {
  if (typeof Worker === 'undefined') throw new Error('This browser cannot run Web Workers, so Loupe cannot hash the data.');
  return new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module', name: 'loupe-hash' }) as HashPort;
}

export interface Hasher {
  /**
   * Feeds the next bytes, in order. Resolves once the worker has hashed them: await it before
   * sending more to keep memory bounded. The data is copied unless `transfer` is set, which
   * hands the buffer to the worker (the caller's copy becomes unusable).
   */
  update(chunk: ArrayBuffer | Uint8Array, options?: { transfer?: boolean }): Promise<void>;
  /** All hashes of everything fed so far, as lowercase hex; the hasher is finished after this. */
  digest(): Promise<HashValues>;
  /** Stops the worker; pending promises reject. */
  dispose(): void;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** An incremental hasher for streamed bytes (downloads feed it chunk by chunk). */
export function createHasher(algorithms: readonly HashAlgorithm[], spawn: () => HashPort = spawnHashWorker): Hasher {
  const port = spawn();
  const acks = new Map<number, Waiter>();
  let digestWaiter: { resolve: (values: HashValues) => void; reject: (error: Error) => void } | undefined;
  let failure: Error | undefined;
  let seq = 0;

  function fail(error: Error): void {
    failure ??= error;
    for (const waiter of acks.values()) waiter.reject(failure);
    acks.clear();
    digestWaiter?.reject(failure);
    digestWaiter = undefined;
    port.terminate();
  }

  port.onmessage = ({ data }: MessageEvent<HashResponse>) => {
    if (data.type === 'ack') {
      acks.get(data.seq)?.resolve();
      acks.delete(data.seq);
    } else if (data.type === 'digest') {
      digestWaiter?.resolve(data.values);
      digestWaiter = undefined;
      port.terminate();
    } else if (data.type === 'error') {
      fail(new Error(`Hashing failed: ${data.message}`));
    }
  };
  port.onerror = (event) => {
    event.preventDefault?.();
    fail(new Error(`The hash worker stopped: ${event.message || 'it could not load (blocked or missing)'}.`));
  };
  port.postMessage({ type: 'start', algorithms: [...algorithms] } satisfies HashRequest);

  return {
    update(chunk, options = {}) {
      if (failure) return Promise.reject(failure);
      seq += 1;
      const id = seq;
      let buffer: ArrayBuffer;
      if (chunk instanceof ArrayBuffer) buffer = options.transfer ? chunk : chunk.slice(0);
      else if (options.transfer && chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer) buffer = chunk.buffer;
      else buffer = chunk.slice().buffer;
      return new Promise<void>((resolve, reject) => {
        acks.set(id, { resolve, reject });
        port.postMessage({ type: 'chunk', seq: id, data: buffer }, [buffer]);
      });
    },
    digest() {
      if (failure) return Promise.reject(failure);
      return new Promise<HashValues>((resolve, reject) => {
        digestWaiter = { resolve, reject };
        port.postMessage({ type: 'digest' });
      });
    },
    dispose() {
      fail(new Error('Hashing was stopped.'));
    },
  };
}

export interface HashBlobOptions {
  signal?: AbortSignal;
  /** Bytes hashed so far. */
  onProgress?: (bytes: number) => void;
  chunkSize?: number;
  spawn?: () => HashPort;
}

/** Hashes a File or Blob in the worker, which reads it in chunks (the page holds none of it). */
export function hashBlob(blob: Blob, algorithms: readonly HashAlgorithm[], options: HashBlobOptions = {}): Promise<HashValues> {
  const { signal, onProgress, chunkSize = HASH_CHUNK_BYTES, spawn = spawnHashWorker } = options;
  return new Promise<HashValues>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const port = spawn();
    const finish = () => {
      signal?.removeEventListener('abort', onAbort);
      port.terminate();
    };
    const onAbort = () => {
      finish();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    port.onmessage = ({ data }: MessageEvent<HashResponse>) => {
      if (data.type === 'progress') onProgress?.(data.bytes);
      else if (data.type === 'digest') {
        finish();
        resolve(data.values);
      } else if (data.type === 'error') {
        finish();
        reject(new Error(`Hashing failed: ${data.message}`));
      }
    };
    port.onerror = (event) => {
      event.preventDefault?.();
      finish();
      reject(new Error(`The hash worker stopped: ${event.message || 'it could not load (blocked or missing)'}.`));
    };
    port.postMessage({ type: 'start', algorithms: [...algorithms] });
    port.postMessage({ type: 'file', file: blob, chunkSize });
    port.postMessage({ type: 'digest' });
  });
}
