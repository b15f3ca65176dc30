import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { Truncated } from '@/components/ui/truncated';

afterEach(cleanup);

interface Item {
  id: string;
  name: string;
  size: number;
}
const items = (count: number): Item[] => Array.from({ length: count }, (_, i) => ({ id: `id-${i}`, name: `item-${i}`, size: i * 10 }));

function setup({ rows = items(4), selected = new Set<string>(), virtualizeAbove }: { rows?: Item[]; selected?: Set<string>; virtualizeAbove?: number } = {}) {
  const cellRenders = vi.fn();
  const columns: DataColumn<Item>[] = [
    {
      id: 'name',
      header: 'Name',
      sortKey: 'name',
      cell: (row) => {
        cellRenders(row.id);
        return <Truncated text={row.name} />;
      },
    },
    { id: 'size', header: 'Size', sortKey: 'size', align: 'right', width: 80, cell: (row) => row.size },
    { id: 'menu', header: 'Actions', headerHidden: true, width: 40, cell: () => '⋯' },
  ];
  const onSort = vi.fn();
  const onChange = vi.fn();
  const props = {
    caption: 'Items',
    rows,
    rowKey: (row: Item) => row.id,
    columns,
    sort: { terms: [{ key: 'size', dir: 'desc' as const }], onSort, multi: true },
    selection: { selected, onChange, canSelect: (row: Item) => row.id !== 'id-3', rowLabel: (row: Item) => `Select ${row.name}`, allLabel: 'Select all items' },
    ...(virtualizeAbove === undefined ? {} : { virtualizeAbove }),
  };
  const view = render(<DataTable {...props} />);
  return { cellRenders, onSort, onChange, rerender: (next: Partial<typeof props>) => view.rerender(<DataTable {...props} {...next} />), props };
}

describe('DataTable', () => {
  it('renders a captioned table with sortable headers and aria-sort on the primary key', () => {
    setup();
    const table = screen.getByRole('table', { name: 'Items' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['', 'Name', 'Size▼', 'Actions']);
    expect(within(table).getByRole('columnheader', { name: /Size/ }).getAttribute('aria-sort')).toBe('descending');
    expect(within(table).getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBeNull();
    expect(within(table).getAllByRole('row')).toHaveLength(5);
  });

  it('reports header clicks with the shift key as additive', () => {
    const { onSort } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    fireEvent.click(screen.getByRole('button', { name: /Size/ }), { shiftKey: true });
    expect(onSort.mock.calls).toEqual([
      ['name', false],
      ['size', true],
    ]);
  });

  it('selects one row, or every selectable row', () => {
    const { onChange } = setup({ selected: new Set(['id-1']) });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select item-0' }));
    expect([...(onChange.mock.calls[0]?.[0] as Set<string>)].sort()).toEqual(['id-0', 'id-1']);
    expect((screen.getByRole('checkbox', { name: 'Select item-3' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all items' }));
    expect([...(onChange.mock.calls[1]?.[0] as Set<string>)]).toEqual(['id-0', 'id-1', 'id-2']);
  });

  it('re-renders only the row whose selection changed', () => {
    const { cellRenders, rerender, props } = setup();
    cellRenders.mockClear();
    // A new selection set and new callbacks, as a page passes on every render.
    rerender({ selection: { ...props.selection, selected: new Set(['id-2']), onChange: vi.fn(), rowLabel: (row: Item) => `Select ${row.name}` } });
    expect(cellRenders.mock.calls).toEqual([['id-2']]);
  });

  it('shows the empty state instead of an empty table', () => {
    render(<DataTable caption="Nothing" rows={[]} rowKey={(row: Item) => row.id} columns={[]} empty={<p>No items yet</p>} />);
    expect(screen.getByText('No items yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('renders every row up to the virtualization threshold, and a window of rows above it', () => {
    setup({ rows: items(50), virtualizeAbove: 50 });
    expect(screen.getAllByRole('checkbox', { name: /^Select item-/ })).toHaveLength(50);
    cleanup();
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(33);
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    setup({ rows: items(1000), virtualizeAbove: 50 });
    const rendered = screen.getAllByRole('checkbox', { name: /^Select item-/ }).length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('1001');
  });
});
