import { describe, expect, it } from 'vitest';
import { addSample, formatDuration, percentOf, secondsLeft, speedOf, type SpeedSample } from '@/features/transfers/api/transfer-speed';

describe('speed', () => {
  it('is unknown until the samples span half a second, then averages over the window', () => {
    let samples: SpeedSample[] = [];
    samples = addSample(samples, { at: 0, bytes: 0 });
    samples = addSample(samples, { at: 200, bytes: 1_000_000 });
    expect(speedOf(samples)).toBeNull();
    samples = addSample(samples, { at: 1000, bytes: 4_000_000 });
    expect(speedOf(samples)).toBe(4_000_000);
  });

  it('forgets samples older than the window, keeping one to span it', () => {
    let samples: SpeedSample[] = [];
    for (let second = 0; second <= 10; second += 1) samples = addSample(samples, { at: second * 1000, bytes: second < 5 ? 0 : (second - 5) * 1000 }, 3000);
    // Only the last 3 s count: 1000 bytes per second, not the stall before.
    expect(samples[0]?.at).toBe(7000);
    expect(speedOf(samples)).toBe(1000);
  });

  it.each([
    [0, 100, 10, 10],
    [50, 100, 10, 5],
    [100, 100, 10, 0],
    [0, null, 10, null],
    [0, 100, null, null],
    [0, 100, 0, null],
  ])('secondsLeft(%j, %j, %j) = %j', (done, total, speed, expected) => expect(secondsLeft(done, total, speed)).toBe(expected));

  it.each([
    [0.4, '0 s'],
    [42, '42 s'],
    [185, '3 min 5 s'],
    [3720, '1 h 2 min'],
  ])('formatDuration(%j) = %j', (seconds, text) => expect(formatDuration(seconds)).toBe(text));

  it.each([
    [0, 200, 0],
    [199, 200, 99],
    [200, 200, 100],
    [5, null, null],
    [0, 0, 100],
  ])('percentOf(%j, %j) = %j', (done, total, percent) => expect(percentOf(done, total)).toBe(percent));
});
