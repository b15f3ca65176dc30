import { describe, expect, it } from 'vitest';
import { columnsToDrop, type FitColumn } from '@/components/ui/column-fit';

const columns: FitColumn[] = [
  { id: 'name', minWidth: 200, priority: 0 },
  { id: 'status', width: 100 },
  { id: 'size', width: 80, priority: 2 },
  { id: 'owner', width: 150, priority: 3 },
  { id: 'tags' },
  { id: 'actions', width: 40, priority: 0 },
];
// 200 + 100 + 80 + 150 + 120 + 40 = 690

describe('columnsToDrop', () => {
  it.each([
    [0, []],
    [690, []],
    [1280, []],
    [689, ['owner']],
    [540, ['owner']],
    [539, ['owner', 'size']],
    [460, ['owner', 'size']],
    [459, ['owner', 'size', 'tags']],
    [100, ['owner', 'size', 'tags', 'status']],
  ])('in %i px drops %j', (available, expected) => {
    expect([...columnsToDrop(columns, available)]).toEqual(expected);
  });

  it('counts reserved space (the selection column)', () => {
    expect([...columnsToDrop(columns, 700, 32)]).toEqual(['owner']);
  });

  it('never drops a column of priority 0, even when nothing fits', () => {
    expect(columnsToDrop(columns, 10)).not.toContain('name');
    expect(columnsToDrop(columns, 10)).not.toContain('actions');
  });

  it('drops equal priorities from the right', () => {
    const same: FitColumn[] = [{ id: 'a', width: 100 }, { id: 'b', width: 100 }, { id: 'c', width: 100 }];
    expect([...columnsToDrop(same, 250)]).toEqual(['c']);
  });
});
