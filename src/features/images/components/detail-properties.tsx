import { useMemo, useState } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import { extraProperties, type Image } from '@/features/images/api/image-schema';
import type { CatalogueNamespace } from '@/features/metadefs';

const SCHEMA_GROUP = ' schema';
const groupTitle = (group: string, ns: CatalogueNamespace | undefined) => (ns ? ns.title : group === SCHEMA_GROUP ? 'Image schema' : 'Not in any namespace');

/** Custom properties grouped by the metadefs namespace that defines them, searchable. Long keys and values wrap. */
export function DetailProperties({ image, namespaces, schemaKeys }: { image: Image; namespaces: CatalogueNamespace[]; schemaKeys: ReadonlySet<string> }) {
  const [filter, setFilter] = useState('');
  const extras = useMemo(() => Object.entries(extraProperties(image)).filter(([key]) => !key.startsWith('os_glance_')), [image]);
  const groups = useMemo(() => {
    const owner = new Map<string, CatalogueNamespace>();
    for (const ns of namespaces) for (const property of ns.properties) if (!owner.has(property.name)) owner.set(property.name, ns);
    const byGroup = new Map<string, { ns?: CatalogueNamespace; rows: [string, string, string | undefined][] }>();
    const needle = filter.toLowerCase();
    for (const [key, value] of extras) {
      const ns = owner.get(key);
      const title = ns?.properties.find((property) => property.name === key)?.title ?? undefined;
      if (needle && ![key, value, title ?? '', ns?.title ?? ''].some((text) => text.toLowerCase().includes(needle))) continue;
      // Not in any namespace but defined by the image schema (os_distro, kernel_id…): its own group.
      const group = ns?.namespace ?? (schemaKeys.has(key) ? SCHEMA_GROUP : '');
      const entry = byGroup.get(group) ?? { ns, rows: [] };
      entry.rows.push([key, value, title]);
      byGroup.set(group, entry);
    }
    return [...byGroup.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  }, [extras, namespaces, filter, schemaKeys]);
  if (extras.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No custom properties.</p>;
  return (
    <div className="space-y-3">
      <Field label="Search properties" className="max-w-xs">
        <input className={inputClass} value={filter} onChange={(event) => setFilter(event.target.value)} />
      </Field>
      {groups.length === 0 && <p className="text-sm break-all text-slate-500 dark:text-slate-400">No property matches “{filter}”.</p>}
      {groups.map(([group, { ns, rows }]) => (
        <section key={group || 'other'} aria-label={groupTitle(group, ns)}>
          <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-300">
            {groupTitle(group, ns)}
            {ns && <span className="ml-2 font-mono font-normal text-slate-500 dark:text-slate-400">{ns.namespace}</span>}
          </h3>
          {ns?.description && <p className="mb-1 line-clamp-2 text-xs text-slate-500 dark:text-slate-400">{ns.description}</p>}
          {group === SCHEMA_GROUP && <p className="mb-1 text-xs text-slate-500 dark:text-slate-400">Properties the deployment’s image schema defines (schema-image.json).</p>}
          <dl className="grid grid-cols-[minmax(10rem,16rem)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
            {rows.map(([key, value, title]) => (
              <div key={key} className="contents">
                <dt className="min-w-0 text-xs break-all text-slate-600 dark:text-slate-400">
                  <span className="font-mono">{key}</span>
                  {title && <span className="block text-slate-500 dark:text-slate-400">{title}</span>}
                </dt>
                <dd className="min-w-0 break-all">{value === '' ? <span className="text-slate-500 dark:text-slate-400">(empty)</span> : value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
