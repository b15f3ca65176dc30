import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Virtualized rows are one line of fixed height (the cells cut their text), so nothing is measured while scrolling. */
export const VIRTUAL_ROW_HEIGHT = 32;

interface VirtualRowsProps<Row> {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  colSpan: number;
  renderRow: (row: Row, index: number) => ReactNode;
}

/**
 * A table body that renders only the rows near the viewport, with spacer rows above and below,
 * so the table stays a real <table> (aria-rowcount/aria-rowindex) and the page keeps one
 * scrollbar. The table's fixed layout keeps the columns still as rows come and go, and every
 * row has the same fixed height, so scrolling mounts rows without measuring them.
 */
export function VirtualRows<Row>({ rows, rowKey, colSpan, renderRow }: VirtualRowsProps<Row>) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Where the rows start in the page: moves when content above grows (filters, notes).
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
    count: rows.length,
    estimateSize: () => VIRTUAL_ROW_HEIGHT,
    // Rows beyond the viewport each way: enough for a wheel step, few enough that every
    // extra row is not laid out and painted again on each scroll frame.
    overscan: 5,
    scrollMargin,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : rowKey(row);
    },
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length ? (items[0]?.start ?? 0) - scrollMargin : 0;
  const after = items.length ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - scrollMargin) : 0;
  return (
    <tbody ref={bodyRef}>
      {before > 0 && (
        <tr aria-hidden>
          <td colSpan={colSpan} style={{ height: before, padding: 0 }} />
        </tr>
      )}
      {items.map((item) => {
        const row = rows[item.index];
        return row === undefined ? null : renderRow(row, item.index);
      })}
      {after > 0 && (
        <tr aria-hidden>
          <td colSpan={colSpan} style={{ height: after, padding: 0 }} />
        </tr>
      )}
    </tbody>
  );
}
