import { useQuery } from '@tanstack/react-query';
import { useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import { Field, inputClass } from '@/components/ui/field';
import type { CreateFormValues, DataSource, UploadMethod } from '@/features/images/api/image-create-form-model';
import { discoveryQueries } from '@/lib/glance-discovery';

const SOURCE_LABELS: Record<DataSource, string> = {
  file: 'Upload a file from this computer',
  url: 'Import from a URL (Glance downloads it: web-download)',
  none: 'No data for now (the image stays queued; upload from its page later)',
};

const METHOD_LABELS: Record<UploadMethod, string> = {
  direct: 'Upload directly (PUT /file)',
  'glance-direct': 'Stage, then import (glance-direct)',
};

interface DataSourceProps {
  form: UseFormReturn<CreateFormValues>;
  /** Called with the files the user picked (replacing the form's files). */
  onFiles: (files: File[]) => void;
  /** What GET /v2/info/import lists; web-download and glance-direct are offered only when listed. */
  importMethods: readonly string[];
}

/** Radio choices in one labelled group. */
function Choices<T extends string>({ legend, options, labels, form, field }: {
  legend: string;
  options: readonly T[];
  labels: Record<T, string>;
  form: UseFormReturn<CreateFormValues>;
  field: 'source' | 'method';
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">{legend}</legend>
      {options.map((option) => (
        <label key={option} className="flex items-center gap-2 text-sm">
          <input type="radio" value={option} {...form.register(field)} />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}

/** Where the image's data comes from, how it is sent, and to which store. */
export function CreateDataSource({ form, onFiles, importMethods }: DataSourceProps) {
  const source = useWatch({ control: form.control, name: 'source' });
  const { errors } = useFormState({ control: form.control, name: ['source', 'url', 'store'] });
  const stores = useQuery(discoveryQueries.stores());
  const sources = (['file', 'url', 'none'] as const).filter((option) => option !== 'url' || importMethods.includes('web-download'));
  const methods = (['direct', 'glance-direct'] as const).filter((option) => option !== 'glance-direct' || importMethods.includes('glance-direct'));
  return (
    <div className="space-y-3">
      <Choices legend="Data" options={sources} labels={SOURCE_LABELS} form={form} field="source" />
      {source === 'file' && (
        <Field label="Image files" hint="Choose one or more: each file becomes its own image. You can also drop files on the page." error={errors.source?.message}>
          <input
            type="file"
            multiple
            className="block text-sm"
            onChange={(event) => {
              onFiles([...(event.target.files ?? [])]);
              // The same file can be chosen again after it was removed from the list.
              event.target.value = '';
            }}
          />
        </Field>
      )}
      {source === 'url' && (
        <Field label="URL" hint="http:// or https://. Glance fetches it itself, so it must be reachable from the cloud." error={errors.url?.message}>
          <input type="url" className={inputClass} placeholder="https://example.com/disk.qcow2" {...form.register('url')} />
        </Field>
      )}
      {source === 'file' && methods.length > 1 && (
        <Choices legend="Upload method" options={methods} labels={METHOD_LABELS} form={form} field="method" />
      )}
      {source !== 'none' && stores.data && stores.data.length > 0 && (
        <Field label="Store" hint="Where Glance keeps the data (this cloud has several stores)." error={errors.store?.message}>
          <select className={inputClass} {...form.register('store')}>
            <option value="">The cloud's default store</option>
            {stores.data.map((store) => (
              <option key={store.id} value={store.id}>
                {store.id}
                {store.description ? ` — ${store.description}` : ''}
                {store.default === true || store.default === 'true' ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </Field>
      )}
    </div>
  );
}
