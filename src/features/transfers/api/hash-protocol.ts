// Messages between the page and the hash worker. The worker handles them strictly in order.
import type { HashAlgorithm, HashValues } from '@/features/transfers/api/hash-names';

export type HashRequest =
  /** Begins a session; every later message belongs to it. */
  | { type: 'start'; algorithms: HashAlgorithm[] }
  /** A piece of the stream, in order; answered with `ack` once hashed (backpressure). */
  | { type: 'chunk'; seq: number; data: ArrayBuffer }
  /** Reads and hashes a whole file (or blob) in chunks, answering `progress` as it goes. */
  | { type: 'file'; file: Blob; chunkSize: number }
  /** Ends the session: answered with `digest`. */
  | { type: 'digest' };

export type HashResponse =
  | { type: 'ack'; seq: number }
  | { type: 'progress'; bytes: number }
  | { type: 'digest'; values: HashValues; bytes: number }
  | { type: 'error'; message: string };

/** What the page needs of a worker (a real Worker, or an in-process stand-in in tests). */
export interface HashPort {
  postMessage(message: HashRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<HashResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}
