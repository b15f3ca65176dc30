import { describe, expect, it } from 'vitest';
import { mapSettledWithLimit } from '@/lib/map-limit';

describe('mapSettledWithLimit', () => {
  it('keeps the order, never runs more than the limit at once, and settles each item on its own', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapSettledWithLimit([30, 10, 20, 5, 15], 2, async (ms) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      if (ms === 20) throw new Error('twenty');
      return ms * 2;
    });
    expect(peak).toBe(2);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual([60, 20, 'twenty', 10, 30]);
  });

  it('answers an empty list with an empty list', async () => {
    expect(await mapSettledWithLimit([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});
