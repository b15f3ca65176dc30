import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { Truncated } from '@/components/ui/truncated';
import type { ResourceTypeAssociation } from '@/features/metadefs/api/metadef-schema';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';

const associationColumns: DataColumn<ResourceTypeAssociation>[] = [
  { id: 'type', header: 'Resource type', minWidth: 160, priority: 0, cell: (association) => <Truncated text={association.name} /> },
  { id: 'prefix', header: 'Key prefix', width: 140, priority: 0, cell: (association) => <Truncated text={association.prefix || '—'} className="font-mono text-xs" /> },
  { id: 'target', header: 'Properties target', width: 160, priority: 1, cell: (association) => <Truncated text={association.properties_target || '—'} className="text-xs" /> },
];

/** The resource types this namespace applies to, with the key prefix each one uses. */
export function AssociationsTab({ namespace }: NamespaceTabProps) {
  return (
    <div className="max-w-2xl">
      <DataTable
        caption="Resource type associations"
        rows={namespace.resource_type_associations ?? []}
        rowKey={(association) => association.name}
        columns={associationColumns}
        empty={<p className="text-sm text-slate-500 dark:text-slate-400">This namespace is not associated with any resource type.</p>}
      />
    </div>
  );
}
