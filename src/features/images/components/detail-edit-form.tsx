import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { ErrorPanel } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import { useUnsavedChangesGuard } from '@/components/ui/use-unsaved-changes-guard';
import { attributeInError, type PropertyRule } from '@/features/images/api/image-detail-rules';
import {
  editFormSchema,
  fieldOfError,
  fromForm,
  knownProperties,
  reviewChange,
  toForm,
  type EditFormValues,
  type ReviewedChange,
} from '@/features/images/api/image-edit-form-model';
import { imageQueries, selectEditSchema } from '@/features/images/api/image-queries';
import { ImageConflict, toEditable, useSaveImage, type SaveMode } from '@/features/images/api/image-save';
import { imageLabel, type Image } from '@/features/images/api/image-schema';
import { ConflictDialog, type Conflict } from '@/features/images/components/detail-conflict-dialog';
import { PropertiesEditor } from '@/features/images/components/detail-properties-editor';
import { ReviewDialog } from '@/features/images/components/detail-review-dialog';
import { TagEditor } from '@/features/images/components/detail-tag-editor';
import { metadefQueries } from '@/features/metadefs';
import { isApiError } from '@/lib/api-error';
import type { EditableImage } from '@/lib/json-patch';
import { usePermissions } from '@/lib/session';

const NO_RULES: ReadonlyMap<string, PropertyRule> = new Map();

interface EditFormProps {
  image: Image;
  /** The form closes: saved, or cancelled. */
  onDone: () => void;
}

/** Edits an image's attributes, properties and tags; the change is reviewed, then saved as one conflict-checked PATCH. */
export function ImageEditForm({ image, onDone }: EditFormProps) {
  const { isAdmin } = usePermissions();
  const schema = useQuery({ ...imageQueries.schema(), select: selectEditSchema });
  const { data: catalogue, isPending: cataloguePending } = useQuery(metadefQueries.imageCatalogue());
  // What is known about each extra property: the live schema's rules (enforced) over the catalogue's (advisory).
  const known = useMemo(() => knownProperties(catalogue ?? [], schema.data?.extraRules ?? NO_RULES), [catalogue, schema.data]);
  const nameMax = schema.data?.properties.name?.maxLength ?? 255;
  // The form keeps what it loaded: saving compares against it, not against a refetched image.
  const [loaded, setLoaded] = useState(image);
  const loadedEditable = useMemo(() => toEditable(loaded), [loaded]);
  const resolver = useMemo(() => zodResolver(editFormSchema(known, nameMax, loadedEditable.extras)), [known, nameMax, loadedEditable]);
  const form = useForm<EditFormValues>({ resolver, defaultValues: toForm(image) });
  const name = useWatch({ control: form.control, name: 'name' });
  const [review, setReview] = useState<ReviewedChange | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const save = useSaveImage(image.id);
  const { errors, isDirty } = form.formState;
  // Unsaved changes block leaving the page (in-app links and tab close alike).
  const guard = useUnsavedChangesGuard(isDirty && !save.isPending);

  // The form opens with keyboard focus in its first field (the button that opened it is gone).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])')?.focus();
  }, []);

  const showServerError = (error: unknown) => {
    // Put Glance's 4xx on the field it is about; the banner above the form says it too.
    if (!isApiError(error) || error.status < 400 || error.status >= 500) return;
    const body = error.body as { message?: unknown } | undefined;
    const key = attributeInError(typeof body?.message === 'string' ? body.message : error.message);
    const field = key ? fieldOfError(key, form.getValues('properties')) : undefined;
    if (field) form.setError(field, { message: error.message || 'Glance rejected this value.' }, { shouldFocus: field !== 'tags' });
  };

  const send = (edited: EditableImage, mode: SaveMode) =>
    save.mutate(
      { loaded, edited, mode },
      {
        onSuccess: (saved) => {
          setReview(null);
          setConflict(null);
          setLoaded(saved);
          form.reset(toForm(saved));
          toast('success', `${imageLabel(saved)} saved`);
          onDone();
        },
        onError: (error) => {
          setReview(null);
          if (error instanceof ImageConflict) {
            setConflict({ server: error.server, edited });
            return;
          }
          setConflict(null);
          showServerError(error);
        },
      },
    );

  const onSubmit = form.handleSubmit((values) => {
    const change = reviewChange(image.id, loadedEditable, fromForm(values, loadedEditable));
    if (change.ops.length === 0) {
      toast('info', 'Nothing to save', 'No field differs from the image as loaded.');
      return;
    }
    setReview(change);
  });

  const enumOptions = (key: string, current: string) => {
    const values = schema.data?.enumOf(key) ?? [];
    return values.includes(current) || !current ? values : [current, ...values];
  };
  // Read-only and reserved attributes are never offered; while the schema loads, the usual set is shown.
  const offered = (key: string) => !schema.data || (schema.data.editable as readonly string[]).includes(key);
  // Glance changes formats only while the image has no data (403 otherwise).
  const formatsLocked = loaded.status !== 'queued';
  const visibilities = enumOptions('visibility', image.visibility).filter((value) => value !== 'public' || isAdmin || image.visibility === 'public');

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label="Edit image"
      className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      {save.isError && !(save.error instanceof ImageConflict) && <ErrorPanel error={save.error} context="Saving failed; your edits are still here" />}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-3">
        {offered('name') && (
          <Field label="Name" error={errors.name?.message} hint={name === '' ? 'Empty: the image has no name, and is shown by its ID.' : undefined}>
            <input className={inputClass} maxLength={nameMax} {...form.register('name')} />
          </Field>
        )}
        {offered('visibility') && (
          <Field label="Visibility" error={errors.visibility?.message} hint={!isAdmin ? 'Public needs an administrator.' : undefined}>
            <select className={inputClass} {...form.register('visibility')}>
              {visibilities.map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          </Field>
        )}
        {(['disk_format', 'container_format'] as const).filter(offered).map((key) => (
          <Field
            key={key}
            label={key === 'disk_format' ? 'Disk format' : 'Container format'}
            error={errors[key]?.message}
            hint={formatsLocked ? `Glance fixes the formats once data is uploaded (this image is ${loaded.status}).` : undefined}
          >
            {formatsLocked ? (
              <select className={inputClass} disabled value={loaded[key] ?? ''}>
                <option value={loaded[key] ?? ''}>{loaded[key] ?? '—'}</option>
              </select>
            ) : (
              <select className={inputClass} {...form.register(key)}>
                <option value="">—</option>
                {enumOptions(key, loaded[key] ?? '').map((value) => (
                  <option key={value}>{value}</option>
                ))}
              </select>
            )}
          </Field>
        ))}
        {offered('min_disk') && (
          <Field label="Minimum disk (GiB)" error={errors.min_disk?.message}>
            <input type="number" min={0} step={1} className={inputClass} {...form.register('min_disk', { valueAsNumber: true })} />
          </Field>
        )}
        {offered('min_ram') && (
          <Field label="Minimum RAM (MiB)" error={errors.min_ram?.message}>
            <input type="number" min={0} step={1} className={inputClass} {...form.register('min_ram', { valueAsNumber: true })} />
          </Field>
        )}
        {offered('protected') && (
          <label className="flex items-center gap-2 self-end text-sm">
            <input type="checkbox" {...form.register('protected')} /> Protected (cannot be deleted)
          </label>
        )}
        {offered('os_hidden') && (
          <label className="flex items-center gap-2 self-end text-sm">
            <input type="checkbox" {...form.register('os_hidden')} /> Hidden from default lists
          </label>
        )}
      </div>

      <PropertiesEditor
        form={form}
        known={known}
        loadedExtras={loadedEditable.extras}
        schemaKeys={[...(schema.data?.extraRules.keys() ?? [])]}
        catalogue={catalogue ?? []}
        cataloguePending={cataloguePending}
      />
      <TagEditor control={form.control} />

      <div className="flex justify-end gap-2">
        <Button
          onClick={() => {
            form.reset(toForm(loaded));
            onDone();
          }}
        >
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={save.isPending}>
          Review and save
        </Button>
      </div>

      <ReviewDialog review={review} busy={save.isPending} onBack={() => setReview(null)} onSave={(change) => send(change.edited, 'check')} />
      <ConflictDialog conflict={conflict} loaded={loadedEditable} busy={save.isPending} onCancel={() => setConflict(null)} onResolve={(mode) => conflict && send(conflict.edited, mode)} />
      <UnsavedChangesDialog guard={guard}>Your changes to this image are not saved.</UnsavedChangesDialog>
    </form>
  );
}
