import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { ErrorPanel } from '@/components/ui/states';
import { suggestForFile } from '@/features/images/api/format-sniffing';
import { uploadDataSchema, type UploadDataValues } from '@/features/images/api/image-create-form-model';
import { useUpdateImage } from '@/features/images/api/image-mutations';
import { imageQueries, selectFormats } from '@/features/images/api/image-queries';
import { imageLabel, type Image } from '@/features/images/api/image-schema';
import { remainingQuota, usageQueries } from '@/features/images/api/image-usage';
import { transfers } from '@/features/transfers';
import { formatBytes } from '@/lib/format';
import { discoveryQueries } from '@/lib/glance-discovery';
import type { PatchOp } from '@/lib/json-patch';

/** Gives a queued image its data: a file (direct or glance-direct) or a URL (web-download); sets missing formats first. */
export function UploadDataForm({ image }: { image: Image }) {
  const formats = useQuery({ ...imageQueries.schema(), select: selectFormats });
  const importMethods = useQuery(discoveryQueries.importMethods()).data ?? [];
  const stores = useQuery(discoveryQueries.stores()).data;
  const usage = useQuery(usageQueries.usage());
  const resolver = useMemo(() => zodResolver(uploadDataSchema(remainingQuota(usage.data))), [usage.data]);
  const form = useForm<UploadDataValues>({
    resolver,
    defaultValues: {
      source: 'file',
      url: '',
      method: 'direct',
      store: '',
      disk_format: image.disk_format ?? '',
      container_format: image.container_format ?? '',
      fileName: null,
      size: null,
    },
  });
  const file = useRef<File | null>(null);
  const update = useUpdateImage();
  const [source, fileName, size] = useWatch({ control: form.control, name: ['source', 'fileName', 'size'] });
  const { errors, isSubmitting } = form.formState;
  // Formats can be chosen here only when the image has none yet (Glance needs both before data).
  const needsFormats = !image.disk_format || !image.container_format;

  const pickFile = async (picked: File | undefined) => {
    file.current = picked ?? null;
    form.setValue('fileName', picked?.name ?? null);
    form.setValue('size', picked?.size ?? null, { shouldValidate: form.formState.isSubmitted });
    if (!picked || !needsFormats || !formats.data) return;
    const suggestion = await suggestForFile(picked, formats.data);
    if (!image.disk_format && suggestion.disk_format) form.setValue('disk_format', suggestion.disk_format);
    if (!image.container_format && suggestion.container_format) form.setValue('container_format', suggestion.container_format);
  };

  const submit = async (values: UploadDataValues) => {
    const ops: PatchOp[] = [];
    if (values.disk_format !== image.disk_format) ops.push({ op: 'replace', path: '/disk_format', value: values.disk_format });
    if (values.container_format !== image.container_format) ops.push({ op: 'replace', path: '/container_format', value: values.container_format });
    if (ops.length) await update.mutateAsync({ id: image.id, ops });
    const stored = values.store ? [values.store] : undefined;
    const imageName = imageLabel(image);
    if (values.source === 'url') transfers.startImport({ imageId: image.id, imageName, method: 'web-download', uri: values.url.trim(), stores: stored });
    else if (file.current) transfers.startUpload({ imageId: image.id, imageName, file: file.current, method: values.method, stores: stored });
  };

  return (
    <form onSubmit={(event) => void form.handleSubmit(submit)(event)} noValidate aria-label="Upload data" className="space-y-3">
      <p className="text-sm">This image has no data yet. Give it a file or a URL; Glance makes it active once the data is in.</p>
      {update.isError && <ErrorPanel error={update.error} context="Setting the formats failed; nothing was uploaded" />}
      {importMethods.includes('web-download') && (
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="sr-only">Data source</legend>
          <label className="flex items-center gap-2">
            <input type="radio" value="file" {...form.register('source')} /> A file
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" value="url" {...form.register('source')} /> A URL (web-download)
          </label>
        </fieldset>
      )}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-3">
        {source === 'file' ? (
          <Field label="Image file" error={errors.fileName?.message} hint={fileName ? `${fileName} (${formatBytes(size)})` : undefined}>
            <input type="file" className="block text-sm" onChange={(event) => void pickFile(event.target.files?.[0])} />
          </Field>
        ) : (
          <Field label="URL" error={errors.url?.message} hint="http:// or https://, reachable from the cloud.">
            <input type="url" className={inputClass} {...form.register('url')} />
          </Field>
        )}
        {(['disk_format', 'container_format'] as const).map((key) => {
          const label = key === 'disk_format' ? 'Disk format' : 'Container format';
          const current = image[key];
          // A format the image has is fixed here (the edit form changes it); a missing one is chosen now.
          return current ? (
            <Field key={key} label={label} hint="Set when the image was created.">
              <select className={inputClass} disabled value={current}>
                <option value={current}>{current}</option>
              </select>
            </Field>
          ) : (
            <Field key={key} label={label} error={errors[key]?.message} hint="Glance needs it before the data: set now, suggested from the file.">
              <select className={inputClass} {...form.register(key)}>
                <option value="">— choose —</option>
                {(key === 'disk_format' ? formats.data?.diskFormats : formats.data?.containerFormats)?.map((value) => (
                  <option key={value}>{value}</option>
                ))}
              </select>
            </Field>
          );
        })}
        {source === 'file' && importMethods.includes('glance-direct') && (
          <Field label="Upload method">
            <select className={inputClass} {...form.register('method')}>
              <option value="direct">Upload directly (PUT /file)</option>
              <option value="glance-direct">Stage, then import (glance-direct)</option>
            </select>
          </Field>
        )}
        {stores && stores.length > 0 && (
          <Field label="Store">
            <select className={inputClass} {...form.register('store')}>
              <option value="">The cloud's default store</option>
              {stores.map((store) => (
                <option key={store.id} value={store.id}>
                  {store.id}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <Button type="submit" variant="primary" busy={isSubmitting}>
        {source === 'url' ? 'Import from URL' : 'Upload data'}
      </Button>
    </form>
  );
}
