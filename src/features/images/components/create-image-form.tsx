import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { ErrorPanel } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import { useUnsavedChangesGuard } from '@/components/ui/use-unsaved-changes-guard';
import { paths } from '@/config/paths';
import { suggestForFile } from '@/features/images/api/format-sniffing';
import { useCreateImage } from '@/features/images/api/image-create';
import { createImages } from '@/features/images/api/image-create-flow';
import { createFormSchema, defaultCreateValues, EMPTY_ITEM, itemForFile, type CreateFormValues } from '@/features/images/api/image-create-form-model';
import type { PropertyRule } from '@/features/images/api/image-detail-rules';
import { knownProperties } from '@/features/images/api/image-edit-form-model';
import { imageQueries, selectEditSchema, selectFormats } from '@/features/images/api/image-queries';
import { imageLabel } from '@/features/images/api/image-schema';
import { remainingQuota, usageQueries } from '@/features/images/api/image-usage';
import { CreateDataSource } from '@/features/images/components/create-data-source';
import { CreateItems } from '@/features/images/components/create-items';
import { PropertiesEditor } from '@/features/images/components/detail-properties-editor';
import { TagEditor } from '@/features/images/components/detail-tag-editor';
import { metadefQueries } from '@/features/metadefs';
import { preferredUploadMethod, transfers } from '@/features/transfers';
import { discoveryQueries } from '@/lib/glance-discovery';
import { usePermissions } from '@/lib/session';

const NO_RULES: ReadonlyMap<string, PropertyRule> = new Map();
const NO_EXTRAS: Readonly<Record<string, string>> = {};

/** Files handed to the form from outside (dropped on the page); `seq` tells one drop from the next. */
export interface DroppedFiles {
  files: File[];
  seq: number;
}

/**
 * Creates images: one per file (dropped or chosen), or one whose data comes from a URL or later.
 * Records are created here; their data moves in the transfers feature (the tray).
 */
export function CreateImageForm({ dropped, onClose }: { dropped: DroppedFiles | null; onClose: () => void }) {
  const { isAdmin } = usePermissions();
  const navigate = useNavigate();
  const schema = useQuery({ ...imageQueries.schema(), select: selectEditSchema });
  const formats = useQuery({ ...imageQueries.schema(), select: selectFormats });
  const importMethods = useQuery(discoveryQueries.importMethods());
  const usage = useQuery(usageQueries.usage());
  // The metadefs catalogue is many requests: read only once the user opens the properties.
  const [showProperties, setShowProperties] = useState(false);
  const { data: catalogue, isPending: cataloguePending } = useQuery({ ...metadefQueries.imageCatalogue(), enabled: showProperties });
  const known = useMemo(() => knownProperties(catalogue ?? [], schema.data?.extraRules ?? NO_RULES), [catalogue, schema.data]);
  const nameMax = schema.data?.properties.name?.maxLength ?? 255;
  const remaining = useMemo(() => remainingQuota(usage.data), [usage.data]);
  const resolver = useMemo(() => zodResolver(createFormSchema({ rules: known, nameMax, remaining })), [known, nameMax, remaining]);
  const form = useForm<CreateFormValues>({ resolver, defaultValues: { ...defaultCreateValues(), method: preferredUploadMethod() } });
  const items = useFieldArray({ control: form.control, name: 'items' });
  // The files behind the items, index for index (the form holds their names and sizes).
  const files = useRef<File[]>([]);
  const create = useCreateImage();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<{ name: string; error: unknown } | null>(null);
  const { errors, isSubmitting, isSubmitted, isDirty } = form.formState;
  // Leaving with a filled-in form asks first; a submit's own navigation is not leaving.
  const guard = useUnsavedChangesGuard(isDirty && !isSubmitting);

  const addFiles = useCallback(
    async (added: File[], replace: boolean) => {
      if (added.length === 0) return;
      // Files can arrive before the schema: the suggestions wait for the allowed formats.
      const allowed = selectFormats(await queryClient.ensureQueryData(imageQueries.schema()));
      const newItems = await Promise.all(added.map(async (file) => itemForFile(file, await suggestForFile(file, allowed), nameMax)));
      const current = form.getValues('items');
      const keep = !replace && form.getValues('source') === 'file' && current.every((item) => item.fileName !== null);
      files.current = keep ? [...files.current, ...added] : added;
      form.setValue('source', 'file');
      items.replace(keep ? [...current, ...newItems] : newItems);
      if (isSubmitted) void form.trigger();
    },
    [queryClient, nameMax, form, items, isSubmitted],
  );

  // Files dropped on the page join the form.
  const handledDrop = useRef(0);
  useEffect(() => {
    if (!dropped || dropped.seq === handledDrop.current) return;
    handledDrop.current = dropped.seq;
    void addFiles(dropped.files, false);
  }, [dropped, addFiles]);

  // A URL or no data makes one image: leaving "file" keeps the first item's name and formats.
  const source = useWatch({ control: form.control, name: 'source' });
  useEffect(() => {
    if (source === 'file') return;
    const current = form.getValues('items');
    const first = current[0] ?? EMPTY_ITEM;
    if (current.length === 1 && first.fileName === null) return;
    files.current = [];
    items.replace([{ ...first, fileName: null, size: null, hint: '' }]);
  }, [source, form, items]);

  // The form opens with keyboard focus in its first field.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:not([type=radio]):not([type=file]), select')?.focus();
  }, []);

  const submit = async (values: CreateFormValues) => {
    setFailure(null);
    const run = await createImages(values, files.current, {
      create: (body) => create.mutateAsync(body),
      startUpload: transfers.startUpload,
      startImport: transfers.startImport,
    });
    const withData = run.created.filter((entry) => entry.transferId !== undefined).length;
    if (run.created.length > 0) {
      const names = run.created.map((entry) => imageLabel(entry.image)).join(', ');
      toast('success', `Created ${names}`, withData ? 'Their data is on its way: follow it in the transfers tray.' : undefined);
    }
    if (run.failed) {
      // What was created is done: only the refused image and the ones after it stay in the form.
      const from = run.failed.index;
      files.current = files.current.slice(from);
      items.replace(values.items.slice(from));
      setFailure({ name: values.items[from]?.name || 'the image', error: run.failed.error });
      return;
    }
    const [only] = run.created;
    if (run.created.length === 1 && only) void navigate(paths.image(only.image.id));
    else onClose();
  };

  const visibilities = (schema.data?.enumOf('visibility') ?? ['private', 'shared', 'community', 'public']).filter((value) => value !== 'public' || isAdmin);
  const count = items.fields.length;
  return (
    <form
      ref={formRef}
      onSubmit={(event) => void form.handleSubmit(submit)(event)}
      noValidate
      aria-label="Create image"
      className="mb-4 min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="text-base font-semibold">{count > 1 ? `Create ${count} images` : 'Create image'}</h2>
      {failure && <ErrorPanel error={failure.error} context={`Creating ${failure.name} failed; it and the images after it were not created`} />}
      <CreateDataSource form={form} importMethods={importMethods.data ?? []} onFiles={(chosen) => void addFiles(chosen, true)} />
      <CreateItems
        form={form}
        fields={items.fields}
        nameMax={nameMax}
        diskFormats={formats.data?.diskFormats ?? []}
        containerFormats={formats.data?.containerFormats ?? []}
        onRemove={(index) => {
          files.current = files.current.filter((_, i) => i !== index);
          items.remove(index);
        }}
      />
      <div className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-3">
        <Field label="Visibility" error={errors.visibility?.message} hint={count > 1 ? 'These settings apply to every image.' : !isAdmin ? 'Public needs an administrator.' : undefined}>
          <select className={inputClass} {...form.register('visibility')}>
            {visibilities.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </Field>
        <Field label="Minimum disk (GiB)" error={errors.min_disk?.message}>
          <input type="number" min={0} step={1} className={inputClass} {...form.register('min_disk', { valueAsNumber: true })} />
        </Field>
        <Field label="Minimum RAM (MiB)" error={errors.min_ram?.message}>
          <input type="number" min={0} step={1} className={inputClass} {...form.register('min_ram', { valueAsNumber: true })} />
        </Field>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" {...form.register('protected')} /> Protected (cannot be deleted)
        </label>
      </div>
      {showProperties ? (
        <PropertiesEditor
          form={form}
          known={known}
          loadedExtras={NO_EXTRAS}
          schemaKeys={[...(schema.data?.extraRules.keys() ?? [])]}
          catalogue={catalogue ?? []}
          cataloguePending={cataloguePending}
        />
      ) : (
        <Button size="sm" aria-expanded={false} onClick={() => setShowProperties(true)}>
          Add properties…
        </Button>
      )}
      <TagEditor control={form.control} />
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {count > 1 ? `Create ${count} images` : 'Create image'}
        </Button>
      </div>
      <UnsavedChangesDialog guard={guard}>The images in this form are not created yet.</UnsavedChangesDialog>
    </form>
  );
}
