import { useCallback, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import type { MetadefObject, ResourceTypeAssociation } from '@/features/metadefs/api/metadef-schema';
import { objectBody, withoutProperty, withProperty } from '@/features/metadefs/api/object-form-model';
import { ConfirmDeleteDialog } from '@/features/metadefs/components/confirm-delete-dialog';
import { ObjectEditor } from '@/features/metadefs/components/object-editor';
import { PropertyEditor } from '@/features/metadefs/components/property-editor';
import { PropertyTable } from '@/features/metadefs/components/property-table';
import { RowActions } from '@/features/metadefs/components/row-actions';
import type { MetadefAccess } from '@/features/metadefs/components/use-metadef-access';

/** What is open in an object's section: the object's own editor, or one of its properties (none: a new one). */
export type ObjectEditing = { object: string; what: 'object' } | { object: string; what: 'property'; name: string | undefined };

interface ObjectSectionProps {
  object: MetadefObject;
  prefix: string | undefined;
  access: MetadefAccess;
  /** The other objects' names (an object may not take one of them). */
  otherNames: readonly string[];
  editing: ObjectEditing | null;
  onEdit: (editing: ObjectEditing | null) => void;
  onDelete: () => void;
  /** PUTs the whole object at its current name. */
  saveObject: (body: Record<string, unknown>) => Promise<unknown>;
  /** Why opening another editor is held back (one has unsaved changes). */
  held: string | undefined;
  onDirtyChange: (dirty: boolean) => void;
  associations: readonly ResourceTypeAssociation[] | undefined;
}

/** One object: its description, its properties' table, and for administrators its editors. */
export function ObjectSection({ object, prefix, access, otherNames, editing, onEdit, onDelete, saveObject, held, onDirtyChange, associations }: ObjectSectionProps) {
  const [removing, setRemoving] = useState<string | undefined>(undefined);
  const [removeState, setRemoveState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: undefined });
  const properties = object.properties ?? {};
  const close = () => onEdit(null);
  const reasonId = useId();

  const actions = useCallback(
    (name: string) => (
      <RowActions
        name={`${name} of ${object.name}`}
        onEdit={() => onEdit({ object: object.name, what: 'property', name })}
        onDelete={() => {
          setRemoveState({ busy: false, error: undefined });
          setRemoving(name);
        }}
        // Removing a property from an object is a PUT of the object, which Glance allows even when protected.
        deleteDisabledReason={undefined}
        editDisabledReason={held}
      />
    ),
    [object.name, onEdit, held],
  );

  const editedProperty = editing?.what === 'property' ? editing.name : undefined;
  return (
    <section aria-label={`Object ${object.name}`} className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-medium break-all">{object.name}</h3>
        {access.canEdit && (
          <div className="ml-auto flex flex-wrap items-center gap-1">
            <Button size="sm" onClick={() => onEdit({ object: object.name, what: 'object' })} disabled={held !== undefined} title={held}>
              Edit object {object.name}
            </Button>
            <Button size="sm" onClick={() => onEdit({ object: object.name, what: 'property', name: undefined })} disabled={held !== undefined} title={held}>
              Add property to {object.name}
            </Button>
            <Button
              size="sm"
              variant="danger"
              onClick={onDelete}
              disabled={access.protectedReason !== undefined}
              title={access.protectedReason}
              aria-describedby={access.protectedReason ? reasonId : undefined}
            >
              Delete object {object.name}
            </Button>
            {access.protectedReason && (
              <span id={reasonId} className="sr-only">
                {access.protectedReason}
              </span>
            )}
          </div>
        )}
      </div>
      {object.description && <p className="text-xs whitespace-pre-line text-slate-600 dark:text-slate-400">{object.description}</p>}
      {access.canEdit && editing?.what === 'object' && (
        <ObjectEditor
          heading={`Edit object ${object.name}`}
          editing={object}
          otherNames={otherNames}
          save={async (values) => {
            await saveObject(objectBody(values, properties));
            toast('success', `Object ${values.name.trim()} saved`);
          }}
          onClose={close}
          onDirtyChange={onDirtyChange}
        />
      )}
      {access.canEdit && editing?.what === 'property' && (
        <PropertyEditor
          key={editedProperty === undefined ? 'new' : `edit:${editedProperty}`}
          heading={editedProperty === undefined ? `New property of ${object.name}` : `Edit property ${editedProperty} of ${object.name}`}
          editing={editedProperty === undefined ? undefined : { name: editedProperty, property: properties[editedProperty] ?? {} }}
          otherNames={Object.keys(properties).filter((name) => name !== editedProperty)}
          save={async (values) => {
            await saveObject(withProperty(object, values, editedProperty));
            toast('success', `Property ${values.name.trim()} of ${object.name} saved`);
          }}
          onClose={close}
          onDirtyChange={onDirtyChange}
          associations={associations}
        />
      )}
      <PropertyTable caption={`Properties of ${object.name}`} properties={properties} prefix={prefix} required={object.required} actions={access.canEdit ? actions : undefined} />
      <ConfirmDeleteDialog
        target={removing === undefined ? undefined : `property ${removing} of ${object.name}`}
        busy={removeState.busy}
        error={removeState.error}
        onClose={() => setRemoving(undefined)}
        onConfirm={() => {
          if (removing === undefined) return;
          setRemoveState({ busy: true, error: undefined });
          saveObject(withoutProperty(object, removing)).then(
            () => {
              toast('success', `Property ${removing} removed from ${object.name}`);
              if (editedProperty === removing) close();
              setRemoving(undefined);
              setRemoveState({ busy: false, error: undefined });
            },
            (error: unknown) => setRemoveState({ busy: false, error }),
          );
        }}
      >
        The object is saved without this property (and without it in its required list).
      </ConfirmDeleteDialog>
    </section>
  );
}
