import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { Truncated } from '@/components/ui/truncated';
import { Section } from '@/components/ui/section';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Field, inputClass } from '@/components/ui/field';
import { NotFoundView } from '@/components/ui/not-found';
import { PageHeader } from '@/components/ui/page';
import { Badge, ErrorPanel, Spinner } from '@/components/ui/states';
import { paths } from '@/config/paths';
import type { ResourceTypeAssociation } from '@/features/metadefs/api/metadef-schema';
import { metadefQueries } from '@/features/metadefs/api/metadef-queries';
import { defaultKeyView, prefixedAssociations } from '@/features/metadefs/api/property-rules';
import { PropertyTable } from '@/features/metadefs/components/property-table';
import { isApiError } from '@/lib/api-error';
import { formatAbsolute } from '@/lib/format';

const associationColumns: DataColumn<ResourceTypeAssociation>[] = [
  { id: 'type', header: 'Resource type', minWidth: 160, priority: 0, cell: (association) => <Truncated text={association.name} /> },
  { id: 'prefix', header: 'Key prefix', width: 140, priority: 0, cell: (association) => <Truncated text={association.prefix || '—'} className="font-mono text-xs" /> },
  { id: 'target', header: 'Properties target', width: 160, priority: 1, cell: (association) => <Truncated text={association.properties_target || '—'} className="text-xs" /> },
];

function Associations({ associations }: { associations: ResourceTypeAssociation[] }) {
  return (
    <div className="max-w-2xl">
      <DataTable
        caption="Resource type associations"
        rows={associations}
        rowKey={(association) => association.name}
        columns={associationColumns}
        empty={<p className="text-sm text-slate-500 dark:text-slate-400">This namespace is not associated with any resource type.</p>}
      />
    </div>
  );
}

function Properties({ namespace, prefix }: { namespace: string; prefix: string | undefined }) {
  const properties = useQuery(metadefQueries.properties(namespace));
  if (properties.isPending) return <Spinner label="Loading properties" />;
  if (properties.isError) return <ErrorPanel error={properties.error} context="Loading properties" onRetry={() => void properties.refetch()} />;
  return <PropertyTable caption="Properties" properties={properties.data} prefix={prefix} />;
}

function Objects({ namespace, prefix }: { namespace: string; prefix: string | undefined }) {
  const objects = useQuery(metadefQueries.objects(namespace));
  if (objects.isPending) return <Spinner label="Loading objects" />;
  if (objects.isError) return <ErrorPanel error={objects.error} context="Loading objects" onRetry={() => void objects.refetch()} />;
  if (objects.data.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No objects.</p>;
  return (
    <div className="space-y-4">
      {[...objects.data]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((object) => (
          <section key={object.name} aria-label={`Object ${object.name}`} className="space-y-1">
            <h3 className="text-sm font-medium">{object.name}</h3>
            {object.description && <p className="text-xs whitespace-pre-line text-slate-600 dark:text-slate-400">{object.description}</p>}
            <PropertyTable caption={`Properties of ${object.name}`} properties={object.properties} prefix={prefix} required={object.required} />
          </section>
        ))}
    </div>
  );
}

function Tags({ namespace }: { namespace: string }) {
  const tags = useQuery(metadefQueries.tags(namespace));
  if (tags.isPending) return <Spinner label="Loading tags" />;
  if (tags.isError) return <ErrorPanel error={tags.error} context="Loading tags" onRetry={() => void tags.refetch()} />;
  if (tags.data.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No tags.</p>;
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
      {[...tags.data]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((tag) => (
          <li key={tag.name} className="rounded bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">
            {tag.name}
          </li>
        ))}
    </ul>
  );
}

/** One metadefs namespace, read-only: what it is, where it applies, its properties, objects and tags. */
export function NamespacePage() {
  const { namespace: name = '' } = useParams();
  const namespace = useQuery(metadefQueries.namespace(name));
  // The count badges reuse the sections' own queries (shared cache entries, one request each).
  const properties = useQuery(metadefQueries.properties(name));
  const objects = useQuery(metadefQueries.objects(name));
  const tags = useQuery(metadefQueries.tags(name));
  const [keyView, setKeyView] = useState<string | null>(null);

  if (namespace.isPending) return <Spinner label="Loading namespace" />;
  if (namespace.isError) {
    if (isApiError(namespace.error) && namespace.error.status === 404) {
      return (
        <NotFoundView title="Namespace not found" backTo={paths.metadefs} backLabel="Metadata definitions">
          <p>
            No metadata definition namespace named <code className="font-mono break-all">{name}</code> is visible to this project.
          </p>
          <p className="text-slate-600 dark:text-slate-400">It may have been deleted, or it is private to another project.</p>
        </NotFoundView>
      );
    }
    return (
      <>
        <PageHeader title={name}>
          <Link to={paths.metadefs} className="text-sky-800 hover:underline dark:text-sky-300">
            ← Metadata definitions
          </Link>
        </PageHeader>
        <ErrorPanel error={namespace.error} context={`Namespace ${name}`} onRetry={() => void namespace.refetch()} />
      </>
    );
  }

  const ns = namespace.data;
  const associations = ns.resource_type_associations ?? [];
  const prefixed = prefixedAssociations(associations);
  const shownType = keyView ?? defaultKeyView(associations);
  const prefix = prefixed.find((association) => association.name === shownType)?.prefix ?? undefined;
  const keyPicker =
    prefixed.length > 0 ? (
      <Field label="Show keys as used on" className="w-64">
        <select className={`${inputClass} py-1`} value={shownType} onChange={(event) => setKeyView(event.target.value)}>
          <option value="">Namespace (no prefix)</option>
          {prefixed.map((association) => (
            <option key={association.name} value={association.name}>
              {association.name} ({association.prefix})
            </option>
          ))}
        </select>
      </Field>
    ) : undefined;

  return (
    <>
      <PageHeader title={ns.display_name || ns.namespace}>
        <Link to={paths.metadefs} className="text-sky-800 hover:underline dark:text-sky-300">
          Metadata definitions
        </Link>
        <span aria-hidden> / </span>
        <span className="font-mono text-xs">{ns.namespace}</span>
      </PageHeader>
      <div className="space-y-4">
        <Section title="Overview">
          <div className="space-y-3">
            <div className="flex flex-wrap items-center gap-2 text-xs">
              {ns.visibility && <Badge tone={ns.visibility === 'public' ? 'info' : 'neutral'}>{ns.visibility}</Badge>}
              {ns.protected && <Badge tone="warn">protected</Badge>}
              {ns.owner && <span className="text-slate-500 dark:text-slate-400">owner {ns.owner}</span>}
              {ns.created_at && <span className="text-slate-500 dark:text-slate-400">created {formatAbsolute(ns.created_at)}</span>}
              {ns.updated_at && <span className="text-slate-500 dark:text-slate-400">updated {formatAbsolute(ns.updated_at)}</span>}
            </div>
            {ns.description ? <p className="max-w-3xl text-sm whitespace-pre-line">{ns.description}</p> : <p className="text-sm text-slate-500">No description.</p>}
            <div>
              <h3 className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-300">Resource type associations</h3>
              <Associations associations={associations} />
            </div>
          </div>
        </Section>
        <Section title="Properties" count={properties.data ? Object.keys(properties.data).length : undefined} actions={keyPicker}>
          <Properties namespace={ns.namespace} prefix={prefix} />
        </Section>
        <Section title="Objects" count={objects.data?.length}>
          <Objects namespace={ns.namespace} prefix={prefix} />
        </Section>
        <Section title="Tags" count={tags.data?.length}>
          <Tags namespace={ns.namespace} />
        </Section>
      </div>
    </>
  );
}
