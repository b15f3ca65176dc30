import { ScrollablePre } from '@/components/ui/scrollable-pre';
import { Section } from '@/components/ui/section';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page';
import { Badge, ErrorPanel, Spinner } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { projectNamesQuery } from '@/features/auth';
import { novaProgress } from '@/features/images/api/image-detail-rules';
import { imageQueries, selectEditSchema } from '@/features/images/api/image-queries';
import { imageStatusTone } from '@/features/images/api/image-status';
import { metadefQueries, type CatalogueNamespace } from '@/features/metadefs';
import { taskStatusTone } from '@/features/tasks';
import { extraProperties, type Image } from '@/features/images/api/image-schema';
import { DetailActions } from '@/features/images/components/detail-actions';
import { ImageEditForm } from '@/features/images/components/detail-edit-form';
import { formatAbsolute, formatBytes, formatRelative } from '@/lib/format';
import { usePermissions, useSession } from '@/lib/session';

function bytes(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatBytes(value)} (${value.toLocaleString()} bytes)`;
}

function Pairs({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[11rem_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Custom properties grouped by the metadefs namespace that defines them, searchable. */
function Properties({ image, namespaces, schemaKeys }: { image: Image; namespaces: CatalogueNamespace[]; schemaKeys: ReadonlySet<string> }) {
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
      const group = ns?.namespace ?? (schemaKeys.has(key) ? ' schema' : '');
      const entry = byGroup.get(group) ?? { ns, rows: [] };
      entry.rows.push([key, value, title]);
      byGroup.set(group, entry);
    }
    return [...byGroup.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  }, [extras, namespaces, filter, schemaKeys]);
  if (extras.length === 0) return <p className="text-sm text-slate-500">No custom properties.</p>;
  return (
    <div className="space-y-3">
      <Field label="Search properties" className="max-w-xs">
        <input className={inputClass} value={filter} onChange={(event) => setFilter(event.target.value)} />
      </Field>
      {groups.length === 0 && <p className="text-sm text-slate-500">No property matches “{filter}”.</p>}
      {groups.map(([group, { ns, rows }]) => (
        <section key={group || 'other'} aria-label={ns ? ns.title : group === ' schema' ? 'Image schema' : 'Not in any namespace'}>
          <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-300">
            {ns ? ns.title : group === ' schema' ? 'Image schema' : 'Not in any namespace'}
            {ns && <span className="ml-2 font-mono font-normal text-slate-500">{ns.namespace}</span>}
          </h3>
          {ns?.description && <p className="mb-1 line-clamp-2 text-xs text-slate-500">{ns.description}</p>}
          {group === ' schema' && <p className="mb-1 text-xs text-slate-500">Properties the deployment’s image schema defines (schema-image.json).</p>}
          <dl className="grid grid-cols-[minmax(10rem,16rem)_1fr] gap-x-3 gap-y-0.5 text-sm">
            {rows.map(([key, value, title]) => (
              <div key={key} className="contents">
                <dt className="text-xs text-slate-600 dark:text-slate-400">
                  <span className="font-mono">{key}</span>
                  {title && <span className="block text-slate-500">{title}</span>}
                </dt>
                <dd className="break-all">{value === '' ? <span className="text-slate-500">(empty)</span> : value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

function ImageTasks({ id }: { id: string }) {
  const tasks = useQuery(imageQueries.tasks(id));
  if (tasks.isPending) return <Spinner label="Loading tasks" />;
  if (tasks.isError) return <ErrorPanel error={tasks.error} />;
  if (tasks.data.length === 0) return <p className="text-sm text-slate-500">No import or copy task has run for this image.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {tasks.data.map((task) => (
        <li key={task.id} className="flex flex-wrap gap-x-3">
          <Badge tone={taskStatusTone(task.status)}>{task.status}</Badge>
          <span>{task.type}</span>
          <span title={formatAbsolute(task.created_at)}>{formatRelative(task.created_at)}</span>
          {task.message && <span className="text-slate-600 dark:text-slate-400">{task.message}</span>}
        </li>
      ))}
    </ul>
  );
}

export function ImageDetailPage() {
  const { imageId = '' } = useParams();
  const session = useSession();
  const { isAdmin, canWrite } = usePermissions();
  const detail = useQuery(imageQueries.detail(imageId));
  const catalogue = useQuery(metadefQueries.imageCatalogue());
  const imageSchema = useQuery({ ...imageQueries.schema(), select: selectEditSchema });
  const schemaKeys = useMemo(() => new Set(imageSchema.data?.extraRules.keys() ?? []), [imageSchema.data]);
  const owners = useQuery(projectNamesQuery(session.user.id, isAdmin));
  const [editing, setEditing] = useState(false);
  const [showRaw, setShowRaw] = useState(false);
  if (detail.isPending) return <Spinner label="Loading image" />;
  if (detail.isError) return <ErrorPanel error={detail.error} context="Loading the image" onRetry={() => void detail.refetch()} />;
  const image = detail.data;
  const canManage = canWrite && (isAdmin || image.owner === session.project.id);
  const extras = extraProperties(image);
  const importState = Object.entries(extras).filter(([key]) => key.startsWith('os_glance_'));
  const ownerName = image.owner ? owners.data?.get(image.owner) : undefined;
  const raw = JSON.stringify(image, null, 2);
  return (
    <>
      <PageHeader
        title={image.name ?? image.id}
        actions={
          canManage && !editing ? (
            <Button variant="primary" onClick={() => setEditing(true)}>
              Edit
            </Button>
          ) : undefined
        }
      >
        <span className="font-mono text-xs">{image.id}</span>
      </PageHeader>
      <div className="space-y-4">
        {canManage && !editing && <DetailActions image={image} isAdmin={isAdmin} />}
        {editing && <ImageEditForm image={image} onDone={() => setEditing(false)} />}
        <div className="grid gap-4 xl:grid-cols-2">
          <Section title="Attributes">
            <Pairs
              rows={[
                ['Status', <Badge key="s" tone={imageStatusTone(image.status)}>{image.status}</Badge>],
                ['Visibility', image.visibility],
                ['Protected', image.protected ? 'yes' : 'no'],
                ['Hidden', image.os_hidden ? 'yes (os_hidden)' : 'no'],
                ['Owner', ownerName ? `${ownerName} (${image.owner})` : (image.owner ?? '—')],
                ['Size', bytes(image.size)],
                ['Virtual size', bytes(image.virtual_size)],
                ['Disk format', image.disk_format ?? '—'],
                ['Container format', image.container_format ?? '—'],
                ['Minimum disk (minDisk)', `${image.min_disk ?? 0} GiB`],
                ['Minimum RAM (minRam)', `${image.min_ram ?? 0} MiB`],
                ['Checksum (MD5)', image.checksum ?? '—'],
                ['Hash', image.os_hash_value ? `${image.os_hash_algo ?? ''}: ${image.os_hash_value}` : '—'],
                ['Created', formatAbsolute(image.created_at)],
                ['Updated', formatAbsolute(image.updated_at)],
                ...(image.stores ? [['Stores', image.stores] as [string, string]] : []),
                ...(image.direct_url ? [['Direct URL', image.direct_url] as [string, string]] : []),
                ...(image.locations ? [['Locations', image.locations.map((location) => location.url).join('\n') || '—'] as [string, string]] : []),
              ]}
            />
          </Section>
          <div className="space-y-4">
            <Section title="Compute (Nova) view">
              <Pairs
                rows={[
                  ['Image type', extras.image_type ?? 'image'],
                  ['Snapshot of server', extras.instance_uuid ?? '—'],
                  ['Progress (Nova)', `${novaProgress(image.status)}%${image.status === 'saving' || image.status === 'importing' ? ` — ${image.status}…` : ''}`],
                  ['Size (Nova)', bytes(image.size)],
                  ['minDisk / minRam', `${image.min_disk ?? 0} GiB / ${image.min_ram ?? 0} MiB`],
                ]}
              />
            </Section>
            <Section title="Tags">
              <p className="text-sm">{image.tags.length ? [...image.tags].sort().join(', ') : 'No tags.'}</p>
            </Section>
            {importState.length > 0 && (
              <Section title="Import state">
                <Pairs rows={importState.map(([key, value]) => [key, value || '(empty)'])} />
              </Section>
            )}
          </div>
        </div>
        <Section title="Properties">
          {catalogue.isError && (
            <p className="mb-2 text-xs text-amber-800 dark:text-amber-300">
              The metadata catalogue could not be loaded, so properties are not grouped by namespace. Reload the page to try again.
            </p>
          )}
          <Properties image={image} namespaces={catalogue.data ?? []} schemaKeys={schemaKeys} />
        </Section>
        <Section title="Tasks">
          <ImageTasks id={image.id} />
        </Section>
        <Section
          title="Raw JSON"
          actions={
            <span className="flex gap-2">
              <Button size="sm" onClick={() => setShowRaw(!showRaw)} aria-expanded={showRaw}>
                {showRaw ? 'Hide' : 'Show'}
              </Button>
              <Button size="sm" onClick={() => void navigator.clipboard.writeText(raw).then(() => toast('success', 'JSON copied'), () => toast('error', 'Copy failed', 'The browser did not allow the clipboard.'))}>
                Copy
              </Button>
            </span>
          }
        >
          {showRaw && <ScrollablePre label="Image as JSON">{raw}</ScrollablePre>}
        </Section>
      </div>
    </>
  );
}
