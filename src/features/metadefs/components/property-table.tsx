import { enumValues, formatValue, keyFor, limits, sortedProperties, typeLabel } from '@/features/metadefs/api/property-rules';
import type { Property } from '@/features/metadefs/api/metadef-schema';

interface PropertyTableProps {
  caption: string;
  properties: Record<string, Property> | null | undefined;
  /** Prefix of the resource type whose keys are shown (hw_ for images…); none shows bare names. */
  prefix?: string | null | undefined;
  /** Names an object marks as required. */
  required?: readonly string[] | null | undefined;
}

/** Property definitions as a table: key, title and description, type, allowed values, limits. */
export function PropertyTable({ caption, properties, prefix, required }: PropertyTableProps) {
  const rows = sortedProperties(properties);
  if (rows.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No properties.</p>;
  return (
    <div className="overflow-x-auto">
      {/* Fixed columns, so the tables of a namespace's objects line up under each other. */}
      <table className="w-full min-w-[48rem] table-fixed text-sm">
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          <col className="w-56" />
          <col />
          <col className="w-28" />
          <col className="w-44" />
          <col className="w-36" />
        </colgroup>
        <thead className="bg-slate-50 text-left text-xs text-slate-500 dark:bg-slate-800/50 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Key
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Title and description
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Type
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Allowed values
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Limits
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, property]) => {
            const values = enumValues(property);
            const bounds = limits(property);
            const key = keyFor(name, prefix);
            return (
              <tr key={name} className="border-t border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="px-2 py-1.5 text-left font-normal">
                  <span className="font-mono text-xs break-all">{key}</span>
                  {key !== name && <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">({name})</span>}
                  {required?.includes(name) && <span className="block text-xs text-amber-800 dark:text-amber-300">required</span>}
                  {property.readonly && <span className="block text-xs text-slate-500 dark:text-slate-400">read-only</span>}
                </th>
                <td className="px-2 py-1.5">
                  <span className="font-medium">{property.title || name}</span>
                  {property.description && <p className="mt-0.5 text-xs whitespace-pre-line text-slate-600 dark:text-slate-400">{property.description}</p>}
                </td>
                <td className="px-2 py-1.5 break-words">{typeLabel(property)}</td>
                <td className="px-2 py-1.5">
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
                    <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                      default <span className="font-mono">{formatValue(property.default)}</span>
                    </p>
                  )}
                </td>
                <td className="px-2 py-1.5 text-xs break-words text-slate-600 dark:text-slate-400">{bounds.length ? bounds.join('; ') : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
