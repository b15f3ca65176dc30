import { describe, expect, it } from 'vitest';
import { placeFloating, type AnchorRect } from '@/components/ui/floating';

const viewport = { width: 1280, height: 800 };
// A 24 px button whose right edge is at x = 1200.
const at = (top: number, right = 1200): AnchorRect => ({ top, bottom: top + 24, left: right - 24, right });
const menu = { width: 176, height: 150 };

describe('placeFloating', () => {
  it.each([
    ['below the button when it fits there', at(100), { top: 128, left: 1024, side: 'below', maxHeight: 800 - 8 - 128 }],
    ['above the button on the last rows', at(700), { top: 700 - 4 - 150, left: 1024, side: 'above', maxHeight: 700 - 4 - 8 }],
    ['below when it just fits', at(800 - 8 - 150 - 4 - 24), { top: 800 - 8 - 150, side: 'below' }],
    ['above when it is one pixel short below', at(800 - 8 - 150 - 4 - 24 + 1), { side: 'above' }],
  ] as const)('places the panel %s', (_, anchor, expected) => {
    expect(placeFloating(anchor, menu, viewport)).toMatchObject(expected);
  });

  it('takes the roomier side, capped to its room, when it fits on neither', () => {
    const tall = { width: 176, height: 700 };
    const placement = placeFloating(at(300), tall, viewport);
    expect(placement).toMatchObject({ side: 'below', top: 328, maxHeight: 800 - 8 - 328 });
    expect(placeFloating(at(500), tall, viewport)).toMatchObject({ side: 'above', top: 8, maxHeight: 500 - 4 - 8 });
  });

  it('keeps the panel inside the viewport horizontally', () => {
    // A button near the left edge: right-aligned, the panel would start off-screen.
    expect(placeFloating(at(100, 60), menu, viewport).left).toBe(8);
    // Left-aligned near the right edge: pulled back in.
    expect(placeFloating(at(100, 1275), menu, viewport, 'start').left).toBe(1280 - 8 - 176);
    // Wider than the viewport: starts at the margin.
    expect(placeFloating(at(100), { width: 2000, height: 100 }, viewport).left).toBe(8);
  });

  it('keeps the panel on screen when the button is partly off-screen', () => {
    expect(placeFloating(at(790), menu, viewport)).toMatchObject({ side: 'above', top: 790 - 4 - 150 });
    expect(placeFloating(at(-20), menu, viewport)).toMatchObject({ side: 'below', top: 8 });
  });
});
