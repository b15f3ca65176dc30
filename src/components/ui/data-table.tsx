import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { columnsToDrop } from '@/components/ui/column-fit';
import { VIRTUAL_ROW_HEIGHT, VirtualRows } from '@/components/ui/virtual-rows';

// The one table of the app. It lays out with fixed column widths, so no value, however long
// or unbroken, can widen it past its container: cells cut their text (see Truncated), and
// when the columns' minimum widths do not fit, the least important columns are dropped.
// Sortable headers, selection, expandable rows and virtualized rows are options.

export interface DataColumn<Row> {
  id: string;
  header: string;
  /** The header is for screen readers only (actions, expanders). */
  headerHidden?: boolean;
  cell: (row: Row) => ReactNode;
  /** Fixed width in px; columns without one share what is left. */
  width?: number;
  /** The least a shared-width column may get before columns are dropped (default 120 px). */
  minWidth?: number;
  /** 0 never drops; higher numbers drop first when the table is too narrow (default 1). */
  priority?: number;
  /** The key this column sorts by. */
  sortKey?: string;
  align?: 'right';
  /** Cells wrap (lists, descriptions) instead of holding one line. */
  wrap?: boolean;
  /** This column's cells head their rows (th scope=row). */
  rowHeader?: boolean;
  className?: string;
}

/** The column that names the row: it never drops and takes the width the others leave. */
export function primaryColumn<Row>(id: string, header: string, cell: (row: Row) => ReactNode, sortKey?: string): DataColumn<Row> {
  return { id, header, minWidth: 200, priority: 0, cell, ...(sortKey ? { sortKey } : {}) };
}

export interface SortTerm {
  key: string;
  dir: 'asc' | 'desc';
}

export interface TableSort {
  terms: readonly SortTerm[];
  /** `additive`: shift-click adds or flips a secondary key (lists that sort by several keys). */
  onSort: (key: string, additive: boolean) => void;
  multi?: boolean;
}

export interface TableSelection<Row> {
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
  canSelect: (row: Row) => boolean;
  /** The accessible name of a row's checkbox ("Select <name>"). */
  rowLabel: (row: Row) => string;
  allLabel: string;
}

export interface DataTableProps<Row> {
  caption: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: readonly DataColumn<Row>[];
  sort?: TableSort;
  selection?: TableSelection<Row>;
  /** Pages longer than this render only the rows near the viewport. */
  virtualizeAbove?: number;
  /** Content of a row's expanded panel, or null when it is closed (not with virtualized rows). */
  expanded?: (row: Row) => ReactNode | null;
  empty?: ReactNode;
  /** Rows align to the top (multi-line cells). */
  alignTop?: boolean;
}

const SELECT_WIDTH = 32;
const cellPadding = 'px-2 py-1';

function useContainerWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

function SortHeader<Row>({ column, sort }: { column: DataColumn<Row>; sort: TableSort }) {
  const index = sort.terms.findIndex((term) => term.key === column.sortKey);
  const term = sort.terms[index];
  return (
    <th scope="col" aria-sort={index === 0 && term ? (term.dir === 'asc' ? 'ascending' : 'descending') : undefined} className={cn(cellPadding, 'py-1.5 font-medium', column.align === 'right' && 'text-right')}>
      <button
        type="button"
        className="inline-flex max-w-full items-center gap-1 truncate hover:text-slate-900 dark:hover:text-slate-100"
        title={sort.multi ? 'Click to sort; shift-click to add a secondary sort' : undefined}
        onClick={(event: MouseEvent) => column.sortKey && sort.onSort(column.sortKey, event.shiftKey)}
      >
        {column.header}
        {term && (
          <span aria-hidden>
            {term.dir === 'asc' ? '▲' : '▼'}
            {sort.terms.length > 1 ? index + 1 : ''}
          </span>
        )}
      </button>
    </th>
  );
}

interface RowProps<Row> {
  row: Row;
  id: string;
  columns: readonly DataColumn<Row>[];
  /** Selection props are flat primitives so memo can compare them. */
  selectable: boolean;
  checked: boolean;
  checkEnabled: boolean;
  checkLabel: string;
  onToggle: (id: string, checked: boolean) => void;
  detail: ReactNode | null;
  alignTop: boolean;
  /** Set for virtualized rows, which are one line of a fixed height. */
  index?: number | undefined;
}

function RowView<Row>({ row, id, columns, selectable, checked, checkEnabled, checkLabel, onToggle, detail, alignTop, index }: RowProps<Row>) {
  const span = columns.length + (selectable ? 1 : 0);
  return (
    <>
      <tr
        data-index={index}
        aria-rowindex={index === undefined ? undefined : index + 2}
        style={index === undefined ? undefined : { height: VIRTUAL_ROW_HEIGHT }}
        className={cn('border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/40', alignTop && 'align-top')}
      >
        {selectable && (
          <td className={cellPadding}>
            <input type="checkbox" aria-label={checkLabel} disabled={!checkEnabled} checked={checked} onChange={(event) => onToggle(id, event.target.checked)} />
          </td>
        )}
        {columns.map((column) => {
          const Cell = column.rowHeader ? 'th' : 'td';
          return (
            <Cell
              key={column.id}
              scope={column.rowHeader ? 'row' : undefined}
              className={cn(cellPadding, 'overflow-hidden', column.rowHeader && 'text-left font-normal', column.align === 'right' && 'text-right tabular-nums', column.wrap ? 'break-words' : 'whitespace-nowrap', column.className)}
            >
              {column.cell(row)}
            </Cell>
          );
        })}
      </tr>
      {detail !== null && (
        <tr className="bg-slate-50/60 dark:bg-slate-800/30">
          <td colSpan={span} className="px-4 py-3">
            {detail}
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * Rows are memoised: a refetch that changes nothing (polling) or a change to another row's
 * selection re-renders no row but the ones whose props changed. That holds only when the
 * columns are stable (useMemo them) and the row objects keep their identity.
 */
const MemoRow = memo(RowView) as typeof RowView;

export function DataTable<Row>({ caption, rows, rowKey, columns, sort, selection, virtualizeAbove = Infinity, expanded, empty, alignTop = false }: DataTableProps<Row>) {
  const [containerRef, width] = useContainerWidth();
  const dropped = useMemo(() => columnsToDrop(columns, width, selection ? SELECT_WIDTH : 0), [columns, width, selection]);
  const shown = useMemo(() => (dropped.size ? columns.filter((column) => !dropped.has(column.id)) : columns), [columns, dropped]);

  // The toggle reads the latest selection through a ref, so it stays the same function and
  // ticking one row does not re-render the others.
  const latest = useRef(selection);
  useLayoutEffect(() => {
    latest.current = selection;
  });
  const onToggle = useCallback((id: string, checked: boolean) => {
    const current = latest.current;
    if (!current) return;
    const next = new Set(current.selected);
    if (checked) next.add(id);
    else next.delete(id);
    current.onChange(next);
  }, []);

  if (rows.length === 0 && empty) return <>{empty}</>;
  const selectable = selection ? rows.filter(selection.canSelect) : [];
  const allSelected = selection !== undefined && selectable.length > 0 && selectable.every((row) => selection.selected.has(rowKey(row)));

  const renderRow = (row: Row, index?: number) => {
    const id = rowKey(row);
    return (
      <MemoRow
        key={id}
        row={row}
        id={id}
        columns={shown}
        selectable={selection !== undefined}
        checked={selection?.selected.has(id) ?? false}
        checkEnabled={selection?.canSelect(row) ?? false}
        checkLabel={selection?.rowLabel(row) ?? ''}
        onToggle={onToggle}
        detail={expanded && index === undefined ? expanded(row) : null}
        alignTop={alignTop}
        index={index}
      />
    );
  };

  return (
    <div ref={containerRef} className="min-w-0">
      <div className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full table-fixed text-sm" aria-rowcount={rows.length + 1}>
          <caption className="sr-only">{caption}</caption>
          <colgroup>
            {selection && <col style={{ width: SELECT_WIDTH }} />}
            {shown.map((column) => (
              <col key={column.id} style={column.width ? { width: column.width } : undefined} />
            ))}
          </colgroup>
          <thead className="bg-slate-50 text-left text-xs text-slate-500 dark:bg-slate-800/50 dark:text-slate-400">
            <tr>
              {selection && (
                <th scope="col" className={cn(cellPadding, 'py-1.5')}>
                  <input
                    type="checkbox"
                    aria-label={selection.allLabel}
                    checked={allSelected}
                    disabled={selectable.length === 0}
                    onChange={(event) => selection.onChange(new Set(event.target.checked ? selectable.map(rowKey) : []))}
                  />
                </th>
              )}
              {shown.map((column) =>
                sort && column.sortKey ? (
                  <SortHeader key={column.id} column={column} sort={sort} />
                ) : (
                  <th key={column.id} scope="col" className={cn(cellPadding, 'truncate py-1.5 font-medium', column.align === 'right' && 'text-right')}>
                    {column.headerHidden ? <span className="sr-only">{column.header}</span> : column.header}
                  </th>
                ),
              )}
            </tr>
          </thead>
          {rows.length > virtualizeAbove ? (
            <VirtualRows rows={rows} rowKey={rowKey} colSpan={shown.length + (selection ? 1 : 0)} renderRow={renderRow} />
          ) : (
            <tbody>{rows.map((row) => renderRow(row))}</tbody>
          )}
        </table>
      </div>
      {dropped.size > 0 && (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Hidden to fit the window: {columns.filter((column) => dropped.has(column.id)).map((column) => column.header).join(', ')}. A wider window shows them.
        </p>
      )}
    </div>
  );
}
