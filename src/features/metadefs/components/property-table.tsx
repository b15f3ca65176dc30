import { useMemo, type ReactNode } from 'react';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { enumValues, formatValue, keyFor, limits, sortedProperties, typeLabel } from '@/features/metadefs/api/property-rules';
import type { Property } from '@/features/metadefs/api/metadef-schema';

interface PropertyTableProps {
  caption: string;
  properties: Record<string, Property> | null | undefined;
  /** Prefix of the resource type whose keys are shown (hw_ for images…); none shows bare names. */
  prefix?: string | null | undefined;
  /** Names an object marks as required. */
  required?: readonly string[] | null | undefined;
  /** Per-row controls (edit, delete) for those who may edit; no column without it. */
  actions?: ((name: string, property: Property) => ReactNode) | undefined;
}

type PropertyRow = [name: string, property: Property];

function columns(prefix: string | null | undefined, required: readonly string[] | null | undefined): DataColumn<PropertyRow>[] {
  return [
    {
      id: 'key',
      header: 'Key',
      width: 224,
      priority: 0,
      rowHeader: true,
      wrap: true,
      cell: ([name, property]) => {
        const key = keyFor(name, prefix);
        return (
          <>
            <span className="font-mono text-xs break-all">{key}</span>
            {key !== name && <span className="block font-mono text-xs break-all text-slate-500 dark:text-slate-400">({name})</span>}
            {required?.includes(name) && <span className="block text-xs text-amber-800 dark:text-amber-300">required</span>}
            {property.readonly && <span className="block text-xs text-slate-500 dark:text-slate-400">read-only</span>}
          </>
        );
      },
    },
    {
      id: 'title',
      header: 'Title and description',
      minWidth: 180,
      priority: 0,
      wrap: true,
      cell: ([name, property]) => (
        <>
          <span className="font-medium">{property.title || name}</span>
          {property.description && <p className="mt-0.5 text-xs whitespace-pre-line text-slate-600 dark:text-slate-400">{property.description}</p>}
        </>
      ),
    },
    { id: 'type', header: 'Type', width: 112, priority: 2, wrap: true, cell: ([, property]) => typeLabel(property) },
    {
      id: 'values',
      header: 'Allowed values',
      width: 176,
      priority: 1,
      wrap: true,
      cell: ([name, property]) => {
        const values = enumValues(property);
        const key = keyFor(name, prefix);
        return (
          <>
            {values.length > 0 ? (
              <ul aria-label={`Values of ${key}`} className="flex flex-wrap gap-1">
                {values.map((value) => (
                  <li key={value} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all dark:bg-slate-800">
                    {value}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-xs text-slate-500 dark:text-slate-400">any</span>
            )}
            {property.default !== undefined && (
              <p className="mt-1 text-xs break-all text-slate-600 dark:text-slate-400">
                default <span className="font-mono">{formatValue(property.default)}</span>
              </p>
            )}
          </>
        );
      },
    },
    {
      id: 'limits',
      header: 'Limits',
      width: 144,
      priority: 3,
      wrap: true,
      cell: ([, property]) => {
        const bounds = limits(property);
        return <span className="text-xs text-slate-600 dark:text-slate-400">{bounds.length ? bounds.join('; ') : '—'}</span>;
      },
    },
  ];
}

/** Property definitions as a table: key, title and description, type, allowed values, limits. */
export function PropertyTable({ caption, properties, prefix, required, actions }: PropertyTableProps) {
  const rows = sortedProperties(properties);
  const tableColumns = useMemo(() => {
    const base = columns(prefix, required);
    return actions ? [...base, { id: 'actions', header: 'Actions', headerHidden: true, width: 128, priority: 0, cell: ([name, property]: PropertyRow) => actions(name, property) }] : base;
  }, [prefix, required, actions]);
  // Fixed column widths, so the tables of a namespace's objects line up under each other.
  return <DataTable caption={caption} rows={rows} rowKey={([name]) => name} columns={tableColumns} alignTop empty={<p className="text-sm text-slate-500 dark:text-slate-400">No properties.</p>} />;
}
