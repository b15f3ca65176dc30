import { Link } from 'react-router';
import type { MouseEvent, ReactNode } from 'react';
import { Badge } from '@/components/ui/states';
import { cn } from '@/components/ui/cn';
import { paths } from '@/config/paths';
import { SORT_KEYS, type SortKey, type SortTerm } from '@/features/images/api/image-list-params';
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

const STATUS_TONES: Record<string, 'good' | 'warn' | 'bad' | 'info'> = {
  active: 'good',
  queued: 'info',
  saving: 'info',
  uploading: 'info',
  importing: 'info',
  deactivated: 'warn',
  killed: 'bad',
  deleted: 'bad',
  pending_delete: 'bad',
};

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
}

export function ListTable({ images, columns, sort, onSort, selected, onSelect, ownerName, canManage }: ListTableProps) {
  const selectable = images.filter(canManage);
  const allSelected = selectable.length > 0 && selectable.every((image) => selected.has(image.id));
  const cell = (column: Column, image: Image): ReactNode => {
    switch (column) {
      case 'status':
        return <Badge tone={STATUS_TONES[image.status] ?? 'neutral'}>{image.status}</Badge>;
      case 'visibility':
        return image.visibility;
      case 'size':
        return <span title={image.size === null || image.size === undefined ? undefined : `${image.size.toLocaleString()} bytes`}>{formatBytes(image.size)}</span>;
      case 'format':
        return [image.disk_format, image.container_format].filter(Boolean).join(' / ') || '—';
      case 'owner':
        return <span className="text-xs">{ownerName(image.owner)}</span>;
      case 'created':
        return <time title={formatAbsolute(image.created_at)}>{formatRelative(image.created_at)}</time>;
      case 'updated':
        return <time title={formatAbsolute(image.updated_at)}>{formatRelative(image.updated_at)}</time>;
      case 'tags':
        return <span className="text-xs text-slate-600 dark:text-slate-400">{[...image.tags].sort().join(', ')}</span>;
    }
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-sm">
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
        <tbody>
          {images.map((image) => (
            // content-visibility lets the browser skip off-screen rows of long (1000-row) pages.
            <tr key={image.id} className="border-t border-slate-100 [contain-intrinsic-size:auto_2.25rem] [content-visibility:auto] hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/40">
              <td className="px-2 py-1">
                <input
                  type="checkbox"
                  aria-label={`Select ${image.name ?? image.id}`}
                  disabled={!canManage(image)}
                  checked={selected.has(image.id)}
                  onChange={(event) => {
                    const next = new Set(selected);
                    if (event.target.checked) next.add(image.id);
                    else next.delete(image.id);
                    onSelect(next);
                  }}
                />
              </td>
              <td className="max-w-[22rem] px-2 py-1">
                <Link to={paths.image(image.id)} className="font-medium break-all text-sky-800 hover:underline dark:text-sky-300">
                  {image.name ?? image.id}
                </Link>
                {image.protected && <span className="ml-1.5 text-xs text-slate-500" title="Protected: cannot be deleted">🔒<span className="sr-only">protected</span></span>}
                {image.os_hidden && <span className="ml-1.5 text-xs text-slate-500">hidden</span>}
              </td>
              {columns.map((column) => (
                <td key={column} className={cn('px-2 py-1 whitespace-nowrap', column === 'size' && 'text-right tabular-nums', column === 'tags' && 'whitespace-normal')}>
                  {cell(column, image)}
                </td>
              ))}
              <td className="px-2 py-1 text-right">
                <RowActions image={image} canManage={canManage(image)} />
              </td>
            </tr>
          ))}
        </tbody>
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

export { SORT_KEYS };
