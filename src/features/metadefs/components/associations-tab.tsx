import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { Field, inputClass } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { Truncated } from '@/components/ui/truncated';
import { associationFormSchema, useAddAssociation, useRemoveAssociation } from '@/features/metadefs/api/association-api';
import { metadefQueries } from '@/features/metadefs/api/metadef-queries';
import type { ResourceTypeAssociation } from '@/features/metadefs/api/metadef-schema';
import { ConfirmDeleteDialog } from '@/features/metadefs/components/confirm-delete-dialog';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';
import { describeError, isApiError } from '@/lib/api-error';

const baseColumns: DataColumn<ResourceTypeAssociation>[] = [
  { id: 'type', header: 'Resource type', minWidth: 160, priority: 0, cell: (association) => <Truncated text={association.name} /> },
  { id: 'prefix', header: 'Key prefix', width: 140, priority: 0, cell: (association) => <Truncated text={association.prefix || '—'} className="font-mono text-xs" /> },
  { id: 'target', header: 'Properties target', width: 160, priority: 1, cell: (association) => <Truncated text={association.properties_target || '—'} className="text-xs" /> },
];

/** Associate the namespace with one more resource type (one POST). */
function AddAssociationForm({ namespace, associated }: { namespace: string; associated: readonly string[] }) {
  const add = useAddAssociation(namespace);
  const types = useQuery(metadefQueries.resourceTypes());
  const listId = useId();
  const form = useForm({ resolver: zodResolver(associationFormSchema), defaultValues: { name: '', prefix: '', propertiesTarget: '' } });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(values);
      toast('success', `Associated ${namespace} with ${values.name}`, values.prefix ? `Its properties go on ${values.name} as ${values.prefix}<name>.` : undefined);
      form.reset();
    } catch (error) {
      if (isApiError(error) && error.status === 409) form.setError('name', { message: `${values.name} is already associated with this namespace. Remove it first to change its prefix.` });
      else {
        const { title, detail } = describeError(error);
        form.setError('root', { message: `${title}. ${detail}` });
      }
    }
  });
  return (
    <form aria-label="Associate a resource type" className="space-y-2" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-300">Associate a resource type</h3>
      <div className="grid max-w-3xl gap-2 sm:grid-cols-3">
        <Field label="Resource type" hint="Pick one, or type a new name (Glance creates it)." error={errors.name?.message}>
          <input className={inputClass} list={listId} spellCheck={false} autoComplete="off" {...form.register('name')} />
        </Field>
        <Field label="Key prefix" hint="Put before each property name on this type, separator included (hw_, hw:)." error={errors.prefix?.message}>
          <input className={`${inputClass} font-mono`} spellCheck={false} autoComplete="off" {...form.register('prefix')} />
        </Field>
        <Field label="Properties target" hint="Which metadata of the resource, when it has several (Cinder: image)." error={errors.propertiesTarget?.message}>
          <input className={inputClass} spellCheck={false} autoComplete="off" {...form.register('propertiesTarget')} />
        </Field>
      </div>
      <datalist id={listId}>
        {(types.data ?? [])
          .filter((type) => !associated.includes(type))
          .map((type) => (
            <option key={type} value={type} />
          ))}
      </datalist>
      {errors.root?.message && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors.root.message}
        </p>
      )}
      <Button type="submit" variant="primary" busy={form.formState.isSubmitting}>
        Associate
      </Button>
    </form>
  );
}

/** Confirms and removes one association (one DELETE). */
function RemoveAssociationDialog({ namespace, resourceType, onClose }: { namespace: string; resourceType: string | null; onClose: () => void }) {
  const remove = useRemoveAssociation(namespace);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDeleteDialog
      verb="Remove"
      target={resourceType === null ? undefined : `the association with ${resourceType}`}
      busy={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() =>
        resourceType !== null &&
        remove.mutate(resourceType, {
          onSuccess: () => {
            toast('success', `${namespace} no longer applies to ${resourceType}`);
            close();
          },
        })
      }
    >
      The namespace’s properties are no longer offered for {resourceType}. Values already set on resources stay.
    </ConfirmDeleteDialog>
  );
}

/** The resource types this namespace applies to, with the key prefix each one uses; admins add and remove them. */
export function AssociationsTab({ namespace, access }: NamespaceTabProps) {
  const [removing, setRemoving] = useState<string | null>(null);
  const associations = namespace.resource_type_associations ?? [];
  const { canEdit, protectedReason } = access;
  const columns = useMemo(() => {
    if (!canEdit) return baseColumns;
    const remove: DataColumn<ResourceTypeAssociation> = {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      width: 100,
      priority: 0,
      cell: (association) => (
        <Button size="sm" variant="ghost" aria-label={`Remove ${association.name}`} disabled={Boolean(protectedReason)} title={protectedReason} onClick={() => setRemoving(association.name)}>
          Remove
        </Button>
      ),
    };
    return [...baseColumns, remove];
  }, [canEdit, protectedReason]);
  return (
    <div className="space-y-4">
      <div className="max-w-2xl space-y-1">
        <DataTable
          caption="Resource type associations"
          rows={associations}
          rowKey={(association) => association.name}
          columns={columns}
          empty={<p className="text-sm text-slate-500 dark:text-slate-400">This namespace is not associated with any resource type.</p>}
        />
        {canEdit && protectedReason && associations.length > 0 && <p className="text-xs text-slate-600 dark:text-slate-400">{protectedReason}</p>}
      </div>
      {canEdit && <AddAssociationForm namespace={namespace.namespace} associated={associations.map((association) => association.name)} />}
      <RemoveAssociationDialog namespace={namespace.namespace} resourceType={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}
