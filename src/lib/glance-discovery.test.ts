import { describe, expect, it } from 'vitest';
import { apiLevel, hasFeature } from '@/lib/glance-discovery';

describe('apiLevel', () => {
  it('takes the highest minor numerically, not as a string', () => {
    expect(apiLevel([{ id: 'v2.9' }, { id: 'v2.10' }, { id: 'v2.2' }])).toBe(10);
  });
  it('reads the Zed single-store list, where 2.12 and 2.13 are missing', () => {
    const zed = ['v2.15', 'v2.9', 'v2.7', 'v2.6', 'v2.5', 'v2.4', 'v2.3', 'v2.2', 'v2.1', 'v2.0'].map((id) => ({ id }));
    expect(apiLevel(zed)).toBe(15);
    expect(hasFeature(apiLevel(zed), 'imageTasks')).toBe(true);
    expect(hasFeature(apiLevel(zed), 'newLocations')).toBe(false);
  });
  it('ignores other majors and junk', () => {
    expect(apiLevel([{ id: 'v1.1' }, { id: 'v2' }, { id: 'x' }])).toBe(-1);
  });
});
