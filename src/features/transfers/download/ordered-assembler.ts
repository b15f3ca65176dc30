// Ranged requests finish in any order, but the hashes (md5, sha512) and a sequential file
// writer need the bytes in order. The assembler passes the bytes of the first unfinished chunk
// straight through as they arrive and holds back those of later chunks until their turn. With
// the planner's lookahead, at most (lookahead − 1) chunks are held back.

export class OrderedAssembler {
  private head = 0;
  private readonly held = new Map<number, Uint8Array[]>();
  private readonly finished = new Set<number>();
  private heldBytes = 0;

  constructor(
    private readonly chunkCount: number,
    /** Receives every byte exactly once, in order. */
    private readonly emit: (bytes: Uint8Array) => void,
  ) {}

  /** Bytes held back, waiting for an earlier chunk. */
  get bufferedBytes(): number {
    return this.heldBytes;
  }

  /** Index of the chunk whose bytes are passed through now (chunkCount when all are out). */
  get current(): number {
    return this.head;
  }

  /** Bytes of chunk `index`, in order within the chunk (a resumed request continues where the last stopped). */
  push(index: number, bytes: Uint8Array): void {
    if (index < this.head || this.finished.has(index) || index >= this.chunkCount) throw new RangeError(`chunk ${String(index)} is already complete`);
    if (bytes.byteLength === 0) return;
    if (index === this.head) {
      this.emit(bytes);
      return;
    }
    const parts = this.held.get(index) ?? [];
    parts.push(bytes);
    this.held.set(index, parts);
    this.heldBytes += bytes.byteLength;
  }

  /** Chunk `index` has all its bytes; when it is the current one, the next ones held back follow. */
  finish(index: number): void {
    if (index < this.head || index >= this.chunkCount) throw new RangeError(`chunk ${String(index)} is already complete`);
    this.finished.add(index);
    while (this.finished.has(this.head)) {
      this.finished.delete(this.head);
      this.head += 1;
      const parts = this.held.get(this.head);
      if (!parts) continue;
      this.held.delete(this.head);
      for (const part of parts) {
        this.heldBytes -= part.byteLength;
        this.emit(part);
      }
    }
  }
}
