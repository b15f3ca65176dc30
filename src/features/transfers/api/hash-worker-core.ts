// The hash worker's logic, apart from the worker global so tests can run it in-process.
import { createHashSession, type HashSession } from '@/features/transfers/api/hash-algorithms';
import type { HashRequest, HashResponse } from '@/features/transfers/api/hash-protocol';

/** Handles requests one at a time, in arrival order (a session starts asynchronously). */
export function createHashWorkerCore(reply: (response: HashResponse) => void): (request: HashRequest) => void {
  let session: Promise<HashSession> | undefined;
  let bytes = 0;
  let queue: Promise<void> = Promise.resolve();

  async function current(): Promise<HashSession> {
    if (!session) throw new Error('hash worker: no session started');
    return session;
  }

  async function hashFile(file: Blob, chunkSize: number): Promise<void> {
    const target = await current();
    // Read the next chunk from disk while hashing this one.
    const read = (offset: number) => file.slice(offset, Math.min(offset + chunkSize, file.size)).arrayBuffer();
    let offset = 0;
    let next = file.size > 0 ? read(0) : undefined;
    while (next) {
      const buffer = await next;
      const end = offset + buffer.byteLength;
      next = end < file.size && buffer.byteLength > 0 ? read(end) : undefined;
      target.update(new Uint8Array(buffer));
      offset = end;
      bytes += buffer.byteLength;
      reply({ type: 'progress', bytes });
    }
  }

  async function handle(request: HashRequest): Promise<void> {
    switch (request.type) {
      case 'start':
        bytes = 0;
        session = createHashSession(request.algorithms);
        await session;
        return;
      case 'chunk': {
        (await current()).update(new Uint8Array(request.data));
        bytes += request.data.byteLength;
        reply({ type: 'ack', seq: request.seq });
        return;
      }
      case 'file':
        await hashFile(request.file, request.chunkSize);
        return;
      case 'digest':
        reply({ type: 'digest', values: (await current()).digest(), bytes });
        session = undefined;
        return;
    }
  }

  return (request) => {
    queue = queue
      .then(() => handle(request))
      .catch((error: unknown) => {
        reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      });
  };
}
