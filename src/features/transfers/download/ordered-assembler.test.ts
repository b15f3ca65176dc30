import { describe, expect, it } from 'vitest';
import { OrderedAssembler } from '@/features/transfers/download/ordered-assembler';

const bytes = (...values: number[]) => new Uint8Array(values);

function collect(chunkCount: number) {
  const out: number[] = [];
  const assembler = new OrderedAssembler(chunkCount, (part) => out.push(...part));
  return { assembler, out };
}

describe('OrderedAssembler', () => {
  it('passes the current chunk straight through', () => {
    const { assembler, out } = collect(2);
    assembler.push(0, bytes(1, 2));
    assembler.push(0, bytes(3));
    expect(out).toEqual([1, 2, 3]);
    expect(assembler.bufferedBytes).toBe(0);
  });

  it('holds later chunks back until the earlier ones finish, then releases them in order', () => {
    const { assembler, out } = collect(3);
    assembler.push(2, bytes(7, 8));
    assembler.finish(2);
    assembler.push(1, bytes(4, 5));
    assembler.push(0, bytes(1));
    expect(out).toEqual([1]);
    expect(assembler.bufferedBytes).toBe(4);
    assembler.push(0, bytes(2, 3));
    assembler.finish(0);
    expect(out).toEqual([1, 2, 3, 4, 5]); // chunk 1 is current now; chunk 2 still waits for it
    expect(assembler.current).toBe(1);
    assembler.push(1, bytes(6));
    expect(out).toEqual([1, 2, 3, 4, 5, 6]);
    assembler.finish(1);
    expect(out).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(assembler.current).toBe(3);
    expect(assembler.bufferedBytes).toBe(0);
  });

  it('refuses bytes for a chunk that already finished', () => {
    const { assembler } = collect(2);
    assembler.finish(0);
    expect(() => assembler.push(0, bytes(1))).toThrow(RangeError);
    assembler.finish(1);
    expect(() => assembler.finish(1)).toThrow(RangeError);
  });
});
