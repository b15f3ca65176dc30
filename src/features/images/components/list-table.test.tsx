import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SortTerm } from '@/features/images/api/image-list-params';
import type { Image } from '@/features/images/api/image-schema';
import { ListTable, nextSort, VIRTUALIZE_ABOVE, type Column } from '@/features/images/components/list-table';
import { renderWithProviders } from '@/test/render';

afterEach(cleanup);

describe('nextSort', () => {
  const byName: SortTerm[] = [{ key: 'name', dir: 'asc' }];
  it('sorts by one key, names ascending first and others descending first', () => {
    expect(nextSort([], 'name', false)).toEqual([{ key: 'name', dir: 'asc' }]);
    expect(nextSort([], 'size', false)).toEqual([{ key: 'size', dir: 'desc' }]);
  });
  it('flips the direction of the key already sorted on', () => {
    expect(nextSort(byName, 'name', false)).toEqual([{ key: 'name', dir: 'desc' }]);
  });
  it('replaces the sort on a plain click and adds a secondary key on shift-click', () => {
    expect(nextSort(byName, 'size', false)).toEqual([{ key: 'size', dir: 'desc' }]);
    expect(nextSort(byName, 'size', true)).toEqual([
      { key: 'name', dir: 'asc' },
      { key: 'size', dir: 'desc' },
    ]);
  });
  it('flips a secondary key in place on shift-click', () => {
    const two: SortTerm[] = [
      { key: 'name', dir: 'asc' },
      { key: 'size', dir: 'desc' },
    ];
    expect(nextSort(two, 'size', true)).toEqual([
      { key: 'name', dir: 'asc' },
      { key: 'size', dir: 'asc' },
    ]);
  });
});

function images(count: number): Image[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `id-${i}`,
    name: `img-${i}`,
    status: i === 0 ? 'queued' : 'active',
    visibility: 'private',
    protected: i === 1,
    os_hidden: i === 2,
    owner: 'p1',
    size: 1536,
    disk_format: 'raw',
    container_format: 'bare',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    tags: ['b', 'a'],
  }));
}

function renderTable(rows: Image[], columns: Column[] = ['status', 'size', 'format', 'owner', 'tags']) {
  const onSort = vi.fn();
  const onSelect = vi.fn();
  const element = (
    <ListTable
      images={rows}
      columns={columns}
      sort={[{ key: 'size', dir: 'desc' }]}
      onSort={onSort}
      selected={new Set(['id-3'])}
      onSelect={onSelect}
      ownerName={(id) => (id === 'p1' ? 'alpha' : (id ?? '—'))}
      canManage={(image) => image.id !== 'id-4'}
      canDownload={() => true}
    />
  );
  renderWithProviders(element);
  return { onSort, onSelect };
}

describe('ListTable', () => {
  it('renders the chosen columns with human values and markers', () => {
    renderTable(images(5));
    const table = screen.getByRole('table', { name: 'Images' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual(['', 'Name', 'Status', 'Size▼', 'Format', 'Owner', 'Tags', 'Actions']);
    expect(within(table).getByRole('columnheader', { name: /Size/ }).getAttribute('aria-sort')).toBe('descending');
    const row = within(table).getByRole('link', { name: 'img-1' }).closest('tr');
    expect(row?.textContent).toContain('protected');
    expect(row?.textContent).toContain('1.5 KiB');
    expect(row?.textContent).toContain('raw / bare');
    expect(row?.textContent).toContain('alpha');
    expect(row?.textContent).toContain('a, b');
    expect(within(table).getByRole('link', { name: 'img-2' }).closest('tr')?.textContent).toContain('hidden');
    expect(within(table).getByRole('link', { name: 'img-0' }).getAttribute('href')).toBe('/images/id-0');
  });

  it('sorts from the headers (shift adds a key)', () => {
    const { onSort } = renderTable(images(3));
    fireEvent.click(screen.getByRole('button', { name: 'Name' }), { shiftKey: true });
    expect(onSort).toHaveBeenCalledWith([
      { key: 'size', dir: 'desc' },
      { key: 'name', dir: 'asc' },
    ]);
  });

  it('selects one row, or every manageable row on the page', () => {
    const { onSelect } = renderTable(images(5));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select img-0' }));
    expect([...(onSelect.mock.calls[0]?.[0] as Set<string>)].sort()).toEqual(['id-0', 'id-3']);
    expect((screen.getByRole('checkbox', { name: 'Select img-4' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all images on this page' }));
    expect([...(onSelect.mock.calls[1]?.[0] as Set<string>)]).toEqual(['id-0', 'id-1', 'id-2', 'id-3']);
  });

  it('renders every row of a short page', () => {
    renderTable(images(VIRTUALIZE_ABOVE));
    expect(screen.getAllByRole('link')).toHaveLength(VIRTUALIZE_ABOVE);
  });

  it('renders only the rows near the viewport of a 1000-row page', () => {
    // jsdom lays nothing out: give rows a height and let the page "scroll".
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(37);
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    renderTable(images(1000));
    const rendered = screen.getAllByRole('link').length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
    expect(screen.getByRole('table', { name: 'Images' }).getAttribute('aria-rowcount')).toBe('1001');
  });
});
