import { ChevronDownIcon } from '@/components/ui/icons';
import { Popover } from '@/components/ui/popover';
import { COLUMNS, type Column } from '@/features/images/components/list-table';

const LABELS: Record<Column, string> = {
  status: 'Status',
  visibility: 'Visibility',
  size: 'Size',
  format: 'Format',
  owner: 'Owner',
  created: 'Created',
  updated: 'Updated',
  tags: 'Tags',
};

/** The "Columns" popover: one checkbox per optional column, kept in the table's column order. */
export function ColumnChooser({ columns, onChange }: { columns: Column[]; onChange: (columns: Column[]) => void }) {
  return (
    <Popover
      label="Columns"
      trigger={
        <>
          Columns
          <ChevronDownIcon className="size-3" />
        </>
      }
      panelClassName="w-44"
    >
      <fieldset className="space-y-1">
        <legend className="sr-only">Visible columns</legend>
        {COLUMNS.map((column) => (
          <label key={column} className="flex items-center gap-2 text-xs">
            <input
              type="checkbox"
              checked={columns.includes(column)}
              onChange={(event) => onChange(event.target.checked ? COLUMNS.filter((c) => c === column || columns.includes(c)) : columns.filter((c) => c !== column))}
            />
            {LABELS[column]}
          </label>
        ))}
      </fieldset>
    </Popover>
  );
}
