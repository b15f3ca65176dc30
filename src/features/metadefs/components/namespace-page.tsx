import { useQuery } from '@tanstack/react-query';
import { useState, type ComponentType } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { Field, inputClass } from '@/components/ui/field';
import { NotFoundView } from '@/components/ui/not-found';
import { PageHeader } from '@/components/ui/page';
import { Section } from '@/components/ui/section';
import { ErrorPanel, Spinner } from '@/components/ui/states';
import { TabNav } from '@/components/ui/tab-nav';
import { NAMESPACE_TABS, paths, type NamespaceTab } from '@/config/paths';
import { metadefQueries } from '@/features/metadefs/api/metadef-queries';
import type { Namespace } from '@/features/metadefs/api/metadef-schema';
import { defaultKeyView, prefixedAssociations } from '@/features/metadefs/api/property-rules';
import { AssociationsTab } from '@/features/metadefs/components/associations-tab';
import { NamespaceJsonTab } from '@/features/metadefs/components/namespace-json-tab';
import { NamespaceOverviewTab } from '@/features/metadefs/components/namespace-overview-tab';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';
import { ObjectsTab } from '@/features/metadefs/components/objects-tab';
import { PropertiesTab } from '@/features/metadefs/components/properties-tab';
import { TagsTab } from '@/features/metadefs/components/tags-tab';
import { useMetadefAccess } from '@/features/metadefs/components/use-metadef-access';
import { isApiError } from '@/lib/api-error';

const TAB_LABELS: Record<NamespaceTab, string> = {
  overview: 'Overview',
  properties: 'Properties',
  objects: 'Objects',
  tags: 'Tags',
  'resource-types': 'Resource types',
  json: 'JSON',
};

const isTab = (tab: string | undefined): tab is NamespaceTab => (NAMESPACE_TABS as readonly (string | undefined)[]).includes(tab);

/** "Show keys as used on": property keys with the prefix of one of the namespace's resource types. */
function useKeyView(namespace: Namespace) {
  const [keyView, setKeyView] = useState<string | null>(null);
  const associations = namespace.resource_type_associations ?? [];
  const prefixed = prefixedAssociations(associations);
  const shownType = keyView ?? defaultKeyView(associations);
  const prefix = prefixed.find((association) => association.name === shownType)?.prefix ?? undefined;
  const picker =
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
  return { prefix, picker };
}

function TabBody({ tab, ...props }: NamespaceTabProps & { tab: NamespaceTab }) {
  const { prefix, picker } = useKeyView(props.namespace);
  const simple: Partial<Record<NamespaceTab, ComponentType<NamespaceTabProps>>> = {
    overview: NamespaceOverviewTab,
    tags: TagsTab,
    'resource-types': AssociationsTab,
    json: NamespaceJsonTab,
  };
  const Simple = simple[tab];
  return (
    <Section title={TAB_LABELS[tab]} actions={tab === 'properties' || tab === 'objects' ? picker : undefined}>
      {Simple ? <Simple {...props} /> : tab === 'properties' ? <PropertiesTab {...props} prefix={prefix} /> : <ObjectsTab {...props} prefix={prefix} />}
    </Section>
  );
}

/** One metadefs namespace, one tab at a time (each tab has its own URL). */
export function NamespacePage() {
  const { namespace: name = '', tab } = useParams();
  const namespace = useQuery(metadefQueries.namespace(name));
  const access = useMetadefAccess(namespace.data);

  if (!isTab(tab) && tab !== undefined) return <Navigate to={paths.metadefNamespace(name)} replace />;
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
  const current = tab ?? 'overview';
  return (
    <>
      <PageHeader title={ns.display_name || ns.namespace}>
        <Link to={paths.metadefs} className="text-sky-800 hover:underline dark:text-sky-300">
          Metadata definitions
        </Link>
        <span aria-hidden> / </span>
        <span className="font-mono text-xs">{ns.namespace}</span>
      </PageHeader>
      {access.readOnlyReason && <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">{access.readOnlyReason}</p>}
      <TabNav
        label="Namespace sections"
        items={NAMESPACE_TABS.map((id) => ({ id, label: TAB_LABELS[id], to: paths.metadefNamespace(ns.namespace, id) }))}
        current={current}
      />
      <TabBody tab={current} namespace={ns} access={access} />
    </>
  );
}
