import { Link } from 'react-router';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useRef, useState, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { Badge } from '@/components/ui/states';
import { cn } from '@/components/ui/cn';
import { paths } from '@/config/paths';
import { type SortKey, type SortTerm } from '@/features/images/api/image-list-params';
import { imageStatusTone } from '@/features/images/api/image-status';
import type { Image } from '@/features/images/api/image-schema';
import { RowActions } from '@/features/images/components/list-actions';
import { formatAbsolute, formatBytes, formatRelative } from '@/lib/format';

export const COLUMNS = ['status', 'visibility', 'size', 'format', 'owner', 'created', 'updated', 'tags'] as const;
export type Column = (typeof COLUMNS)[number];
export const DEFAULT_COLUMNS: Column[] = ['status', 'visibility', 'size', 'format', 'updated', 'tags'];
const COLUMN_LABELS: Record<Column, string> = {
  status: 'Status',
  visibility: 'Visibility',
  size: 'Size',
  format: 'Format',
  owner: 'Owner',
  created: 'Created',
  updated: 'Updated',
  tags: 'Tags',
};
const COLUMN_SORT: Partial<Record<Column, SortKey>> = { status: 'status', size: 'size', format: 'disk_format', created: 'created_at', updated: 'updated_at' };

/** Clicking sorts by one key (toggling direction); shift-click adds or flips a secondary key. */
export function nextSort(current: readonly SortTerm[], key: SortKey, additive: boolean): SortTerm[] {
  const existing = current.find((term) => term.key === key);
  const flipped: SortTerm = { key, dir: existing ? (existing.dir === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc' };
  if (!additive) return [flipped];
  return existing ? current.map((term) => (term.key === key ? flipped : term)) : [...current, flipped];
}

function SortHeader({ label, sortKey, sort, onSort, className }: { label: string; sortKey: SortKey; sort: readonly SortTerm[]; onSort: (sort: SortTerm[]) => void; className?: string }) {
  const index = sort.findIndex((term) => term.key === sortKey);
  const term = sort[index];
  const ariaSort = index === 0 && term ? (term.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={cn('px-2 py-1.5 font-medium', className)}>
      <button
        type="button"
        className="inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-slate-100"
        title="Click to sort; shift-click to add a secondary sort"
        onClick={(event: MouseEvent) => onSort(nextSort(sort, sortKey, event.shiftKey))}
      >
        {label}
        {term && (
          <span aria-hidden>
            {term.dir === 'asc' ? '▲' : '▼'}
            {sort.length > 1 ? index + 1 : ''}
          </span>
        )}
      </button>
    </th>
  );
}

interface ListTableProps {
  images: Image[];
  columns: Column[];
  sort: SortTerm[];
  onSort: (sort: SortTerm[]) => void;
  selected: Set<string>;
  onSelect: (selected: Set<string>) => void;
  ownerName: (id: string | null) => string;
  canManage: (image: Image) => boolean;
  /** Whether the user may fetch the image's data (role and status). */
  canDownload: (image: Image) => boolean;
}

function cell(column: Column, image: Image, owner: string): ReactNode {
  switch (column) {
    case 'status':
      return <Badge tone={imageStatusTone(image.status)}>{image.status}</Badge>;
    case 'visibility':
      return image.visibility;
    case 'size':
      return <span title={image.size === null || image.size === undefined ? undefined : `${image.size.toLocaleString()} bytes`}>{formatBytes(image.size)}</span>;
    case 'format':
      return [image.disk_format, image.container_format].filter(Boolean).join(' / ') || '—';
    case 'owner':
      return <span className="text-xs">{owner}</span>;
    case 'created':
      return <time title={formatAbsolute(image.created_at)}>{formatRelative(image.created_at)}</time>;
    case 'updated':
      return <time title={formatAbsolute(image.updated_at)}>{formatRelative(image.updated_at)}</time>;
    case 'tags':
      return <span className="text-xs text-slate-600 dark:text-slate-400">{[...image.tags].sort().join(', ')}</span>;
  }
}

interface RowProps {
  image: Image;
  columns: Column[];
  owner: string;
  checked: boolean;
  manageable: boolean;
  downloadable: boolean;
  onToggle: (id: string, checked: boolean) => void;
  index?: number | undefined;
  measure?: ((element: HTMLTableRowElement | null) => void) | undefined;
}

/** One row; memoised so a refetch that changes nothing (polling) or a click elsewhere re-renders no rows. */
const Row = memo(function Row({ image, columns, owner, checked, manageable, downloadable, onToggle, index, measure }: RowProps) {
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index === undefined ? undefined : index + 2} className="border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/40">
      <td className="px-2 py-1">
        <input type="checkbox" aria-label={`Select ${image.name ?? image.id}`} disabled={!manageable} checked={checked} onChange={(event) => onToggle(image.id, event.target.checked)} />
      </td>
      <td className="max-w-[22rem] px-2 py-1">
        <Link to={paths.image(image.id)} className="font-medium break-all text-sky-800 hover:underline dark:text-sky-300">
          {image.name ?? image.id}
        </Link>
        {image.protected && (
          <span className="ml-1.5 text-xs text-slate-500" title="Protected: cannot be deleted">
            🔒<span className="sr-only">protected</span>
          </span>
        )}
        {image.os_hidden && <span className="ml-1.5 text-xs text-slate-500">hidden</span>}
      </td>
      {columns.map((column) => (
        <td key={column} className={cn('px-2 py-1 whitespace-nowrap', column === 'size' && 'text-right tabular-nums', column === 'tags' && 'whitespace-normal')}>
          {cell(column, image, owner)}
        </td>
      ))}
      <td className="px-2 py-1 text-right">
        <RowActions image={image} canManage={manageable} canDownload={downloadable} />
      </td>
    </tr>
  );
});

/** Pages longer than this render only the rows near the viewport (plus spacer rows). */
export const VIRTUALIZE_ABOVE = 200;
const ROW_ESTIMATE = 37;

/**
 * With only the rows in view in the DOM, automatic table layout would resize the columns as
 * rows come and go while scrolling. Once the first rows are laid out, pin the header widths
 * (fixed layout); measure again when the page, the columns or the window width change.
 */
function usePinnedColumns(body: RefObject<HTMLTableSectionElement | null>, ready: boolean, key: string) {
  useLayoutEffect(() => {
    const table = body.current?.closest('table');
    if (!ready || !table) return;
    const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
    const release = () => {
      table.style.tableLayout = '';
      for (const th of headers) th.style.width = '';
    };
    const pin = () => {
      release();
      const widths = headers.map((th) => th.getBoundingClientRect().width);
      headers.forEach((th, i) => (th.style.width = `${widths[i] ?? 0}px`));
      table.style.tableLayout = 'fixed';
    };
    pin();
    let width = window.innerWidth;
    const onResize = () => {
      if (window.innerWidth !== width) pin();
      width = window.innerWidth;
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      release();
    };
  }, [body, ready, key]);
}

function VirtualRows({ images, colSpan, renderRow }: { images: Image[]; colSpan: number; renderRow: (image: Image, index: number, measure: (element: HTMLTableRowElement | null) => void) => ReactNode }) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Where the rows start in the page: moves when content above grows (filters, bulk bar).
  useLayoutEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const top = bodyRef.current ? bodyRef.current.getBoundingClientRect().top + window.scrollY : 0;
      setScrollMargin((current) => (Math.abs(current - top) > 1 ? top : current));
    });
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: images.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 15,
    scrollMargin,
    getItemKey: (index) => images[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length ? (items[0]?.start ?? 0) - scrollMargin : 0;
  const after = items.length ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - scrollMargin) : 0;
  usePinnedColumns(bodyRef, items.length > 0, `${colSpan}:${images[0]?.id ?? ''}:${images.length}`);
  return (
    <tbody ref={bodyRef}>
      {before > 0 && (
        <tr aria-hidden>
          <td colSpan={colSpan} style={{ height: before, padding: 0 }} />
        </tr>
      )}
      {items.map((item) => {
        const image = images[item.index];
        return image ? renderRow(image, item.index, virtualizer.measureElement) : null;
      })}
      {after > 0 && (
        <tr aria-hidden>
          <td colSpan={colSpan} style={{ height: after, padding: 0 }} />
        </tr>
      )}
    </tbody>
  );
}

export function ListTable({ images, columns, sort, onSort, selected, onSelect, ownerName, canManage, canDownload }: ListTableProps) {
  const selectable = images.filter(canManage);
  const allSelected = selectable.length > 0 && selectable.every((image) => selected.has(image.id));
  const onToggle = useCallback(
    (id: string, checked: boolean) => {
      const next = new Set(selected);
      if (checked) next.add(id);
      else next.delete(id);
      onSelect(next);
    },
    [selected, onSelect],
  );
  const renderRow = (image: Image, index?: number, measure?: (element: HTMLTableRowElement | null) => void) => (
    <Row
      key={image.id}
      image={image}
      columns={columns}
      owner={ownerName(image.owner)}
      checked={selected.has(image.id)}
      manageable={canManage(image)}
      downloadable={canDownload(image)}
      onToggle={onToggle}
      index={index}
      measure={measure}
    />
  );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-sm" aria-rowcount={images.length + 1}>
        <caption className="sr-only">Images</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-500 dark:bg-slate-800/50 dark:text-slate-400">
          <tr>
            <th scope="col" className="w-8 px-2 py-1.5">
              <input
                type="checkbox"
                aria-label="Select all images on this page"
                checked={allSelected}
                disabled={selectable.length === 0}
                onChange={(event) => onSelect(new Set(event.target.checked ? selectable.map((image) => image.id) : []))}
              />
            </th>
            <SortHeader label="Name" sortKey="name" sort={sort} onSort={onSort} />
            {columns.map((column) => {
              const sortKey = COLUMN_SORT[column];
              const align = column === 'size' ? 'text-right' : undefined;
              return sortKey ? (
                <SortHeader key={column} label={COLUMN_LABELS[column]} sortKey={sortKey} sort={sort} onSort={onSort} className={align} />
              ) : (
                <th key={column} scope="col" className="px-2 py-1.5 font-medium">
                  {COLUMN_LABELS[column]}
                </th>
              );
            })}
            <th scope="col" className="px-2 py-1.5">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        {images.length > VIRTUALIZE_ABOVE ? (
          <VirtualRows images={images} colSpan={columns.length + 3} renderRow={renderRow} />
        ) : (
          <tbody>{images.map((image) => renderRow(image))}</tbody>
        )}
      </table>
    </div>
  );
}

export function ColumnChooser({ columns, onChange }: { columns: Column[]; onChange: (columns: Column[]) => void }) {
  return (
    <details className="relative">
      <summary className="cursor-pointer rounded-md border border-slate-300 px-2 py-1 text-xs dark:border-slate-600">Columns</summary>
      <fieldset className="absolute right-0 z-10 mt-1 w-44 space-y-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <legend className="sr-only">Visible columns</legend>
        {COLUMNS.map((column) => (
          <label key={column} className="flex items-center gap-2 text-xs">
            <input
              type="checkbox"
              checked={columns.includes(column)}
              onChange={(event) => onChange(event.target.checked ? COLUMNS.filter((c) => c === column || columns.includes(c)) : columns.filter((c) => c !== column))}
            />
            {COLUMN_LABELS[column]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
