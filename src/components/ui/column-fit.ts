// Which columns a table shows in the width it has. The table decides, not the browser: a
// fixed-layout table never grows past its container, so when the columns' minimum widths do
// not fit, the least important columns are dropped (and the page says which).

export interface FitColumn {
  id: string;
  /** A fixed width in px; a column without one shares what is left, down to `minWidth`. */
  width?: number | undefined;
  minWidth?: number | undefined;
  /** 0 never drops; higher numbers drop first; equal ones drop from the right. */
  priority?: number | undefined;
}

/** The minimum a flexible column is given when it says nothing. */
export const DEFAULT_MIN_WIDTH = 120;

export function columnMinWidth(column: FitColumn): number {
  return column.width ?? column.minWidth ?? DEFAULT_MIN_WIDTH;
}

/**
 * The ids of the columns to drop so the rest fit in `available` px (`reserved` px go to
 * fixed extras such as the selection column). An unknown width (0: not measured yet) drops nothing.
 */
export function columnsToDrop(columns: readonly FitColumn[], available: number, reserved = 0): Set<string> {
  const dropped = new Set<string>();
  if (available <= 0) return dropped;
  let needed = reserved + columns.reduce((sum, column) => sum + columnMinWidth(column), 0);
  const candidates = columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => (column.priority ?? 1) > 0)
    .sort((a, b) => (b.column.priority ?? 1) - (a.column.priority ?? 1) || b.index - a.index);
  for (const { column } of candidates) {
    if (needed <= available) break;
    dropped.add(column.id);
    needed -= columnMinWidth(column);
  }
  return dropped;
}
