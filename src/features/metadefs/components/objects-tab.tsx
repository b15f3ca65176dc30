import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorPanel, Spinner } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { metadefQueries } from '@/features/metadefs/api/metadef-queries';
import type { MetadefObject } from '@/features/metadefs/api/metadef-schema';
import { useDeleteObject, useSaveObject } from '@/features/metadefs/api/object-mutations';
import { objectBody } from '@/features/metadefs/api/object-form-model';
import { ConfirmDeleteDialog } from '@/features/metadefs/components/confirm-delete-dialog';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';
import { ObjectEditor } from '@/features/metadefs/components/object-editor';
import { ObjectSection, type ObjectEditing } from '@/features/metadefs/components/object-section';
import { HELD_REASON } from '@/features/metadefs/components/row-actions';

/**
 * The namespace's objects, each with its properties (keys shown with the picked prefix).
 * Administrators add, edit, rename and delete objects, and their properties through the
 * property editor; each such change is a PUT of the whole object.
 */
export function ObjectsTab({ namespace, access, prefix }: NamespaceTabProps & { prefix: string | undefined }) {
  const ns = namespace.namespace;
  const objects = useQuery(metadefQueries.objects(ns));
  const save = useSaveObject(ns);
  const remove = useDeleteObject(ns);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ObjectEditing | null>(null);
  const [deleting, setDeleting] = useState<string | undefined>(undefined);
  const [editorDirty, setEditorDirty] = useState(false);
  const held = editorDirty ? HELD_REASON : undefined;
  const edit = (next: ObjectEditing | null) => {
    setEditing(next);
    setEditorDirty(false);
  };

  if (objects.isPending) return <Spinner label="Loading objects" />;
  if (objects.isError) return <ErrorPanel error={objects.error} context="Loading objects" onRetry={() => void objects.refetch()} />;

  const names = objects.data.map((object) => object.name);
  const sorted = [...objects.data].sort((a, b) => a.name.localeCompare(b.name));
  const saveObject = async (body: Record<string, unknown>, originalName: string | undefined) => save.mutateAsync({ body, originalName });
  const closeDelete = () => setDeleting(undefined);
  return (
    <div className="space-y-4">
      {access.canEdit && (
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="primary" onClick={() => setAdding(true)} disabled={adding || held !== undefined} title={held}>
            Add object
          </Button>
          {access.protectedReason && <p className="text-xs text-slate-600 dark:text-slate-400">{access.protectedReason}</p>}
        </div>
      )}
      {access.canEdit && adding && (
        <ObjectEditor
          heading="New object"
          otherNames={names}
          save={async (values) => {
            await saveObject(objectBody(values, {}), undefined);
            toast('success', `Object ${values.name.trim()} created`);
          }}
          onClose={() => {
            setAdding(false);
            setEditorDirty(false);
          }}
          onDirtyChange={setEditorDirty}
        />
      )}
      {sorted.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">No objects.</p>}
      {sorted.map((object: MetadefObject) => (
        <ObjectSection
          key={object.name}
          object={object}
          prefix={prefix}
          access={access}
          otherNames={names.filter((name) => name !== object.name)}
          editing={editing?.object === object.name ? editing : null}
          onEdit={edit}
          held={held}
          onDirtyChange={setEditorDirty}
          associations={namespace.resource_type_associations}
          onDelete={() => {
            remove.reset();
            setDeleting(object.name);
          }}
          saveObject={(body) => saveObject(body, object.name)}
        />
      ))}
      <ConfirmDeleteDialog
        target={deleting === undefined ? undefined : `object ${deleting}`}
        busy={remove.isPending}
        error={remove.error}
        onClose={closeDelete}
        onConfirm={() =>
          deleting !== undefined &&
          remove.mutate(deleting, {
            onSuccess: () => {
              toast('success', `Object ${deleting} deleted`);
              if (editing?.object === deleting) edit(null);
              closeDelete();
            },
          })
        }
      >
        The object and all its property definitions go. Images keep any values they have.
      </ConfirmDeleteDialog>
    </div>
  );
}
