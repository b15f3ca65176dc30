import { describe, expect, it } from 'vitest';
import { backoffDelay, ChunkPlanner, parseContentRange, rangeHeader, splitIntoChunks } from '@/features/transfers/download/chunk-planner';

const MiB = 1024 * 1024;
const small = { chunkSize: 10, maxInFlight: 2, lookahead: 3, maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };

describe('splitIntoChunks', () => {
  it.each([
    [0, 10, []],
    [1, 10, [[0, 0]]],
    [10, 10, [[0, 9]]],
    [11, 10, [[0, 9], [10, 10]]],
    [25, 10, [[0, 9], [10, 19], [20, 24]]],
  ])('%i bytes in chunks of %i', (total, size, ranges) => {
    expect(splitIntoChunks(total, size).map((chunk) => [chunk.start, chunk.end])).toEqual(ranges);
  });

  it('covers a 1 GiB image with 8 MiB chunks, the last one full', () => {
    const chunks = splitIntoChunks(1024 * MiB, 8 * MiB);
    expect(chunks).toHaveLength(128);
    expect(chunks.at(-1)).toMatchObject({ start: 1016 * MiB, end: 1024 * MiB - 1 });
  });

  it('refuses sizes that are not byte counts', () => {
    expect(() => splitIntoChunks(-1, 10)).toThrow(RangeError);
    expect(() => splitIntoChunks(1.5, 10)).toThrow(RangeError);
    expect(() => splitIntoChunks(10, 0)).toThrow(RangeError);
  });
});

describe('Range and Content-Range', () => {
  it('writes inclusive ranges', () => {
    expect(rangeHeader({ start: 0, end: 8 * MiB - 1 })).toBe('bytes=0-8388607');
  });

  it.each([
    ['bytes 0-9/25', { start: 0, end: 9, total: 25 }],
    ['bytes 20-24/25', { start: 20, end: 24, total: 25 }],
    ['BYTES 5-5/*', { start: 5, end: 5, total: null }],
    ['bytes 9-0/25', undefined],
    ['bytes */25', undefined],
    ['items 0-9/25', undefined],
    [null, undefined],
  ])('%s', (header, parsed) => {
    expect(parseContentRange(header)).toEqual(parsed);
  });
});

describe('backoffDelay', () => {
  const options = { baseDelayMs: 500, maxDelayMs: 8000 };
  it('doubles per failure, capped, with jitter between half and all of it', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, options, 0.999999))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect([1, 2, 3].map((n) => backoffDelay(n, options, 0))).toEqual([250, 500, 1000]);
  });
});

describe('ChunkPlanner', () => {
  it('starts up to maxInFlight requests, only inside the lookahead window', () => {
    const planner = new ChunkPlanner(55, small, () => 0);
    expect(planner.take(0)).toEqual([
      { index: 0, start: 0, end: 9 },
      { index: 1, start: 10, end: 19 },
    ]);
    expect(planner.take(0)).toEqual([]); // two in flight already
    planner.receive(1, 10);
    planner.finish(1, 0);
    // Chunk 0 still runs: the window is chunks 0–2, so only chunk 2 may start.
    expect(planner.take(0)).toEqual([{ index: 2, start: 20, end: 29 }]);
    planner.receive(2, 10);
    planner.finish(2, 0);
    expect(planner.take(0)).toEqual([]); // chunk 3 is outside the window while chunk 0 runs
    planner.receive(0, 10);
    expect(planner.finish(0, 0)).toEqual({ retry: false, done: true });
    expect(planner.head).toBe(3);
    expect(planner.take(0).map((request) => request.index)).toEqual([3, 4]);
  });

  it('resumes a chunk whose connection dropped from the first missing byte', () => {
    const planner = new ChunkPlanner(30, small, () => 0);
    planner.take(0);
    planner.receive(0, 4);
    expect(planner.finish(0, 1000)).toEqual({ retry: true, delayMs: 50 });
    expect(planner.take(1000)).toEqual([{ index: 2, start: 20, end: 29 }]); // chunk 0 backs off
    expect(planner.nextWake(1000)).toBe(1050);
    expect(planner.take(1049)).toEqual([]); // still backing off, and two are in flight anyway
    planner.receive(1, 10);
    planner.finish(1, 1049);
    expect(planner.take(1050)).toEqual([{ index: 0, start: 4, end: 9 }]);
    expect(planner.bytesReceived).toBe(14);
  });

  it('backs off longer after each failure in a row and gives up after maxAttempts', () => {
    const planner = new ChunkPlanner(10, small, () => 0.999999);
    planner.take(0);
    expect(planner.fail(0, 0, true)).toEqual({ retry: true, delayMs: 100 });
    planner.take(100);
    expect(planner.fail(0, 100, true)).toEqual({ retry: true, delayMs: 200 });
    planner.take(300);
    expect(planner.fail(0, 300, true)).toEqual({ retry: false });
  });

  it('forgives earlier failures once a retry brings new bytes', () => {
    const planner = new ChunkPlanner(10, small, () => 0);
    planner.take(0);
    planner.fail(0, 0, true);
    planner.take(1000);
    planner.fail(0, 1000, true);
    planner.take(2000);
    planner.receive(0, 3); // the connection came back and dropped again later
    expect(planner.fail(0, 2000, true)).toEqual({ retry: true, delayMs: 50 });
    expect(planner.chunks[0]?.failures).toBe(1);
  });

  it('gives up at once on a failure that retrying cannot fix', () => {
    const planner = new ChunkPlanner(10, small);
    planner.take(0);
    expect(planner.fail(0, 0, false)).toEqual({ retry: false });
  });

  it('keeps received bytes across resume() and asks only for the missing ones', () => {
    const planner = new ChunkPlanner(30, { ...small, maxInFlight: 3 }, () => 0);
    planner.take(0);
    planner.receive(0, 10);
    planner.finish(0, 0);
    planner.receive(1, 7);
    planner.receive(2, 2);
    planner.fail(1, 0, false); // gave up: the runner stops chunk 2 as well
    planner.resume();
    expect(planner.take(0)).toEqual([
      { index: 1, start: 17, end: 19 },
      { index: 2, start: 22, end: 29 },
    ]);
    expect(planner.bytesReceived).toBe(19);
  });

  it('refuses more bytes than a chunk holds and bytes for a chunk that is not running', () => {
    const planner = new ChunkPlanner(25, small);
    expect(() => planner.receive(0, 1)).toThrow(/not running/);
    planner.take(0);
    expect(() => planner.receive(0, 11)).toThrow(RangeError);
  });

  it('is complete at once for an empty image', () => {
    const planner = new ChunkPlanner(0, small);
    expect(planner.complete).toBe(true);
    expect(planner.take(0)).toEqual([]);
  });
});
