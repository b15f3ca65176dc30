import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorPanel, Spinner } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { metadefQueries } from '@/features/metadefs/api/metadef-queries';
import type { Property } from '@/features/metadefs/api/metadef-schema';
import { useDeleteProperty, useSaveProperty } from '@/features/metadefs/api/property-mutations';
import { ConfirmDeleteDialog } from '@/features/metadefs/components/confirm-delete-dialog';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';
import { PropertyEditor } from '@/features/metadefs/components/property-editor';
import { PropertyTable } from '@/features/metadefs/components/property-table';
import { HELD_REASON, RowActions } from '@/features/metadefs/components/row-actions';

/** Which property the editor is open on: a stored one, or a new one (no name). */
type Editing = { name: string; property: Property } | { name: undefined };

/**
 * The namespace's own properties (keys shown with the prefix of the picked resource type).
 * Administrators add, edit, rename and delete them; edits always use the bare name.
 */
export function PropertiesTab({ namespace, access, prefix }: NamespaceTabProps & { prefix: string | undefined }) {
  const ns = namespace.namespace;
  const properties = useQuery(metadefQueries.properties(ns));
  const save = useSaveProperty(ns);
  const remove = useDeleteProperty(ns);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<string | undefined>(undefined);
  const [editorDirty, setEditorDirty] = useState(false);
  const held = editorDirty ? HELD_REASON : undefined;
  const closeEditor = () => {
    setEditing(null);
    setEditorDirty(false);
  };

  const actions = useCallback(
    (name: string, property: Property) => (
      <RowActions
        name={name}
        onEdit={() => setEditing({ name, property })}
        onDelete={() => {
          remove.reset();
          setDeleting(name);
        }}
        deleteDisabledReason={access.protectedReason}
        editDisabledReason={held}
      />
    ),
    [access.protectedReason, remove, held],
  );

  if (properties.isPending) return <Spinner label="Loading properties" />;
  if (properties.isError) return <ErrorPanel error={properties.error} context="Loading properties" onRetry={() => void properties.refetch()} />;

  const names = Object.keys(properties.data);
  const closeDelete = () => setDeleting(undefined);
  return (
    <div className="space-y-3">
      {access.canEdit && (
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="primary" onClick={() => setEditing({ name: undefined })} disabled={editing !== null}>
            Add property
          </Button>
          {access.protectedReason && <p className="text-xs text-slate-600 dark:text-slate-400">{access.protectedReason}</p>}
        </div>
      )}
      {access.canEdit && editing && (
        <PropertyEditor
          key={editing.name === undefined ? 'new' : `edit:${editing.name}`}
          heading={editing.name === undefined ? 'New property' : `Edit property ${editing.name}`}
          editing={editing.name === undefined ? undefined : editing}
          otherNames={names.filter((name) => name !== editing.name)}
          save={async (values) => {
            await save.mutateAsync({ values, originalName: editing.name, original: editing.name === undefined ? undefined : editing.property });
            toast('success', editing.name === undefined ? `Property ${values.name.trim()} created` : `Property ${values.name.trim()} saved`);
          }}
          onClose={closeEditor}
          onDirtyChange={setEditorDirty}
          associations={namespace.resource_type_associations}
        />
      )}
      <PropertyTable caption="Properties" properties={properties.data} prefix={prefix} actions={access.canEdit ? actions : undefined} />
      <ConfirmDeleteDialog
        target={deleting === undefined ? undefined : `property ${deleting}`}
        busy={remove.isPending}
        error={remove.error}
        onClose={closeDelete}
        onConfirm={() =>
          deleting !== undefined &&
          remove.mutate(deleting, {
            onSuccess: () => {
              toast('success', `Property ${deleting} deleted`);
              if (editing?.name === deleting) closeEditor();
              closeDelete();
            },
          })
        }
      >
        Images keep any value they have under this key, but the image editor will no longer describe or check it.
      </ConfirmDeleteDialog>
    </div>
  );
}
