import { useMemo } from 'react';
import { DataTable, primaryColumn, type DataColumn } from '@/components/ui/data-table';
import { LockIcon } from '@/components/ui/icons';
import { Badge } from '@/components/ui/states';
import { Truncated, TruncatedLink } from '@/components/ui/truncated';
import { paths } from '@/config/paths';
import { SORT_KEYS, type SortKey, type SortTerm } from '@/features/images/api/image-list-params';
import { imageLabel, type Image } from '@/features/images/api/image-schema';
import { imageStatusTone } from '@/features/images/api/image-status';
import { RowActions } from '@/features/images/components/row-actions';
import { formatAbsolute, formatBytes, formatCount, formatRelative } from '@/lib/format';

export const COLUMNS = ['status', 'visibility', 'size', 'format', 'owner', 'created', 'updated', 'tags'] as const;
export type Column = (typeof COLUMNS)[number];
export const DEFAULT_COLUMNS: Column[] = ['status', 'visibility', 'size', 'format', 'updated', 'tags'];

/** Pages longer than this render only the rows near the viewport. */
export const VIRTUALIZE_ABOVE = 200;

/** Clicking sorts by one key (toggling direction); shift-click adds or flips a secondary key. */
export function nextSort(current: readonly SortTerm[], key: SortKey, additive: boolean): SortTerm[] {
  const existing = current.find((term) => term.key === key);
  const flipped: SortTerm = { key, dir: existing ? (existing.dir === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc' };
  if (!additive) return [flipped];
  return existing ? current.map((term) => (term.key === key ? flipped : term)) : [...current, flipped];
}

function Time({ value }: { value: string }) {
  return (
    <time dateTime={value} title={formatAbsolute(value)}>
      {formatRelative(value)}
    </time>
  );
}

function NameCell({ image }: { image: Image }) {
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <TruncatedLink to={paths.image(image.id)} text={imageLabel(image)} />
      {image.protected && (
        <span className="shrink-0 text-slate-500 dark:text-slate-400" title="Protected: cannot be deleted">
          <LockIcon className="size-3.5" />
          <span className="sr-only">protected</span>
        </span>
      )}
      {image.os_hidden && <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">hidden</span>}
    </div>
  );
}

interface ColumnOptions {
  ownerName: (id: string | null) => string;
  canManage: (image: Image) => boolean;
  canDownload: (image: Image) => boolean;
}

/** Every optional column: how wide, how soon it drops in a narrow window, what it shows. */
function optionalColumn(column: Column, { ownerName }: ColumnOptions): DataColumn<Image> {
  switch (column) {
    case 'status':
      return { id: column, header: 'Status', sortKey: 'status', width: 112, priority: 0, cell: (image) => <Badge tone={imageStatusTone(image.status)}>{image.status}</Badge> };
    case 'visibility':
      return { id: column, header: 'Visibility', width: 100, priority: 3, cell: (image) => image.visibility };
    case 'size':
      return {
        id: column,
        header: 'Size',
        sortKey: 'size',
        width: 92,
        priority: 2,
        align: 'right',
        cell: (image) => <span title={image.size === null || image.size === undefined ? undefined : `${formatCount(image.size)} bytes`}>{formatBytes(image.size)}</span>,
      };
    case 'format':
      return { id: column, header: 'Format', sortKey: 'disk_format', width: 120, priority: 5, cell: (image) => <Truncated text={[image.disk_format, image.container_format].filter(Boolean).join(' / ') || '—'} /> };
    case 'owner':
      return { id: column, header: 'Owner', width: 150, priority: 4, cell: (image) => <Truncated text={ownerName(image.owner)} className="text-xs" /> };
    case 'created':
      return { id: column, header: 'Created', sortKey: 'created_at', width: 110, priority: 6, cell: (image) => <Time value={image.created_at} /> };
    case 'updated':
      return { id: column, header: 'Updated', sortKey: 'updated_at', width: 110, priority: 3, cell: (image) => <Time value={image.updated_at} /> };
    case 'tags':
      return { id: column, header: 'Tags', minWidth: 140, priority: 4, cell: (image) => <Truncated text={[...image.tags].sort().join(', ')} className="text-xs text-slate-600 dark:text-slate-400" /> };
  }
}

export function imageColumns(columns: readonly Column[], options: ColumnOptions): DataColumn<Image>[] {
  return [
    primaryColumn('name', 'Name', (image) => <NameCell image={image} />, 'name'),
    ...columns.map((column) => optionalColumn(column, options)),
    {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      width: 48,
      priority: 0,
      align: 'right',
      cell: (image) => <RowActions image={image} canManage={options.canManage(image)} canDownload={options.canDownload(image)} />,
    },
  ];
}

interface ListTableProps extends ColumnOptions {
  images: readonly Image[];
  columns: readonly Column[];
  sort: readonly SortTerm[];
  onSort: (sort: SortTerm[]) => void;
  selected: ReadonlySet<string>;
  onSelect: (selected: Set<string>) => void;
}

/** The image catalogue's table: the shared DataTable with the image columns. */
export function ListTable({ images, columns, sort, onSort, selected, onSelect, ownerName, canManage, canDownload }: ListTableProps) {
  const tableColumns = useMemo(() => imageColumns(columns, { ownerName, canManage, canDownload }), [columns, ownerName, canManage, canDownload]);
  const tableSort = useMemo(
    () => ({
      terms: sort,
      multi: true,
      onSort: (key: string, additive: boolean) => {
        const known = SORT_KEYS.find((candidate) => candidate === key);
        if (known) onSort(nextSort(sort, known, additive));
      },
    }),
    [sort, onSort],
  );
  const selection = useMemo(
    () => ({ selected, onChange: onSelect, canSelect: canManage, rowLabel: (image: Image) => `Select ${imageLabel(image)}`, allLabel: 'Select all images on this page' }),
    [selected, onSelect, canManage],
  );
  return <DataTable caption="Images" rows={images} rowKey={(image) => image.id} columns={tableColumns} sort={tableSort} selection={selection} virtualizeAbove={VIRTUALIZE_ABOVE} />;
}
