import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch, type UseFormRegister } from 'react-hook-form';
import { useBlocker } from 'react-router';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { ErrorPanel } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import {
  ImageConflict,
  imageCatalogueQuery,
  imageSchemaQuery,
  toEditable,
  useSaveImage,
  type CatalogueProperty,
  type SaveMode,
} from '@/features/images/api/image-detail-api';
import { BASE_ATTRIBUTES, isReservedKey, type Image } from '@/features/images/api/image-schema';
import { usePermissions } from '@/lib/session';
import { buildImagePatch, cliCommands, type EditableImage } from '@/lib/json-patch';

const MAX_ITEMS = 128;

function formSchema(catalogue: Map<string, CatalogueProperty>, nameMax: number) {
  const property = z.object({ key: z.string().trim(), value: z.string() });
  return z
    .object({
      name: z.string().max(nameMax, `At most ${nameMax} characters.`),
      visibility: z.string(),
      disk_format: z.string(),
      container_format: z.string(),
      min_disk: z.number({ message: 'A whole number of GiB.' }).int('A whole number of GiB.').min(0, 'Zero or more.'),
      min_ram: z.number({ message: 'A whole number of MiB.' }).int('A whole number of MiB.').min(0, 'Zero or more.'),
      protected: z.boolean(),
      os_hidden: z.boolean(),
      properties: z.array(property).max(MAX_ITEMS, `At most ${MAX_ITEMS} properties.`),
      tags: z
        .array(z.object({ value: z.string().trim().min(1, 'Empty tag.').max(255, 'At most 255 characters.') }))
        .max(MAX_ITEMS, `At most ${MAX_ITEMS} tags.`),
    })
    .superRefine((values, context) => {
      const seen = new Set<string>();
      values.properties.forEach(({ key, value }, index) => {
        const issue = (message: string, field: 'key' | 'value' = 'key') => context.addIssue({ code: 'custom', path: ['properties', index, field], message });
        if (!key) return issue('Enter a key, or remove the row.');
        if (key.length > 255) return issue('Keys are at most 255 characters.');
        if (isReservedKey(key) || BASE_ATTRIBUTES.has(key)) return issue(`"${key}" is set by Glance and cannot be edited here.`);
        if (seen.has(key)) return issue('This key is already used above.');
        seen.add(key);
        const known = catalogue.get(key);
        if (!known || value === '') return;
        if ((known.type === 'integer' || known.type === 'number') && !/^-?\d+(\.\d+)?$/.test(value)) return issue('A number.', 'value');
        const number = Number(value);
        if (known.minimum !== null && known.minimum !== undefined && number < known.minimum) return issue(`At least ${known.minimum}.`, 'value');
        if (known.maximum !== null && known.maximum !== undefined && number > known.maximum) return issue(`At most ${known.maximum}.`, 'value');
        if (known.pattern && !new RegExp(known.pattern).test(value)) return issue(`Must match ${known.pattern}.`, 'value');
        if (known.maxLength && value.length > known.maxLength) return issue(`At most ${known.maxLength} characters.`, 'value');
      });
      const tags = values.tags.map((tag) => tag.value.trim());
      tags.forEach((tag, index) => {
        if (tags.indexOf(tag) !== index) context.addIssue({ code: 'custom', path: ['tags', index, 'value'], message: 'Duplicate tag.' });
      });
    });
}
type FormValues = z.infer<ReturnType<typeof formSchema>>;

function toForm(image: Image): FormValues {
  const editable = toEditable(image);
  return {
    name: image.name ?? '',
    visibility: image.visibility,
    disk_format: image.disk_format ?? '',
    container_format: image.container_format ?? '',
    min_disk: image.min_disk ?? 0,
    min_ram: image.min_ram ?? 0,
    protected: image.protected,
    os_hidden: image.os_hidden,
    properties: Object.entries(editable.extras)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value })),
    tags: [...image.tags].sort().map((value) => ({ value })),
  };
}

function fromForm(values: FormValues): EditableImage {
  return {
    base: {
      name: values.name,
      visibility: values.visibility,
      disk_format: values.disk_format || null,
      container_format: values.container_format || null,
      min_disk: values.min_disk,
      min_ram: values.min_ram,
      protected: values.protected,
      os_hidden: values.os_hidden,
    },
    extras: Object.fromEntries(values.properties.map(({ key, value }) => [key.trim(), value])),
    tags: values.tags.map((tag) => tag.value.trim()),
  };
}

/** The value input for a property: typed when the metadefs catalogue knows the key. */
function ValueInput({ index, known, register, label }: { index: number; known: CatalogueProperty | undefined; register: UseFormRegister<FormValues>; label: string }) {
  const field = register(`properties.${index}.value`);
  const values = (known?.enum ?? known?.items?.enum ?? []).map(String);
  if (known?.type === 'boolean') {
    return (
      <select className={inputClass} aria-label={label} {...field}>
        <option value="">—</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  if (values.length > 0 && known?.type !== 'array') {
    return (
      <select className={inputClass} aria-label={label} {...field}>
        <option value="">—</option>
        {values.map((value) => (
          <option key={value}>{value}</option>
        ))}
      </select>
    );
  }
  const numeric = known?.type === 'integer' || known?.type === 'number';
  return (
    <input
      className={inputClass}
      aria-label={label}
      inputMode={numeric ? 'numeric' : undefined}
      placeholder={known?.type === 'array' && values.length ? values.join(', ') : undefined}
      {...field}
    />
  );
}

interface EditFormProps {
  image: Image;
  onDone: () => void;
}

export function ImageEditForm({ image, onDone }: EditFormProps) {
  const { isAdmin } = usePermissions();
  const schema = useQuery(imageSchemaQuery());
  const { data: catalogueData, isPending: cataloguePending } = useQuery(imageCatalogueQuery());
  const known = useMemo(() => new Map((catalogueData ?? []).flatMap((ns) => ns.properties.map((p) => [p.name, p] as const))), [catalogueData]);
  const nameMax = schema.data?.properties.name?.maxLength ?? 255;
  const resolver = useMemo(() => zodResolver(formSchema(known, nameMax)), [known, nameMax]);
  // The form keeps what it loaded: saving compares against it, not against a refetched image.
  const [loaded, setLoaded] = useState(image);
  const form = useForm<FormValues>({ resolver, defaultValues: toForm(image) });
  const properties = useFieldArray({ control: form.control, name: 'properties' });
  const tags = useFieldArray({ control: form.control, name: 'tags' });
  const watchedProperties = useWatch({ control: form.control, name: 'properties' });
  const [newTag, setNewTag] = useState('');
  const [review, setReview] = useState<EditableImage | null>(null);
  const [conflict, setConflict] = useState<{ server: Image; edited: EditableImage } | null>(null);
  const save = useSaveImage(image.id);
  const { errors, isDirty } = form.formState;

  // Unsaved changes block leaving the page (in-app links and tab close alike).
  const blocker = useBlocker(({ currentLocation, nextLocation }) => isDirty && !save.isPending && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const loadedEditable = toEditable(loaded);
  const send = (edited: EditableImage, mode: SaveMode) =>
    save.mutate(
      { loaded, edited, mode },
      {
        onSuccess: (saved) => {
          setReview(null);
          setConflict(null);
          setLoaded(saved);
          form.reset(toForm(saved));
          toast('success', `${saved.name ?? saved.id} saved`);
          onDone();
        },
        onError: (error) => {
          setReview(null);
          if (error instanceof ImageConflict) setConflict({ server: error.server, edited });
        },
      },
    );

  const onSubmit = form.handleSubmit((values) => {
    const edited = fromForm(values);
    if (buildImagePatch(loadedEditable, edited).length === 0) {
      toast('info', 'Nothing to save', 'No field differs from the image as loaded.');
      return;
    }
    setReview(edited);
  });

  const enumOptions = (key: string, current: string) => {
    const values = schema.data?.enumOf(key) ?? [];
    return values.includes(current) || !current ? values : [current, ...values];
  };
  const reviewOps = review ? buildImagePatch(loadedEditable, review) : [];
  const visibilities = enumOptions('visibility', image.visibility).filter((value) => value !== 'public' || isAdmin || image.visibility === 'public');

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit image" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      {save.isError && !(save.error instanceof ImageConflict) && <ErrorPanel error={save.error} context="Saving failed; your edits are still here" />}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-3">
        <Field label="Name" error={errors.name?.message}>
          <input className={inputClass} {...form.register('name')} />
        </Field>
        <Field label="Visibility" hint={!isAdmin ? 'Public needs an administrator.' : undefined}>
          <select className={inputClass} {...form.register('visibility')}>
            {visibilities.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </Field>
        <Field label="Disk format">
          <select className={inputClass} {...form.register('disk_format')}>
            <option value="">—</option>
            {enumOptions('disk_format', image.disk_format ?? '').map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </Field>
        <Field label="Container format">
          <select className={inputClass} {...form.register('container_format')}>
            <option value="">—</option>
            {enumOptions('container_format', image.container_format ?? '').map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </Field>
        <Field label="Minimum disk (GiB)" error={errors.min_disk?.message}>
          <input type="number" min={0} className={inputClass} {...form.register('min_disk', { valueAsNumber: true })} />
        </Field>
        <Field label="Minimum RAM (MiB)" error={errors.min_ram?.message}>
          <input type="number" min={0} className={inputClass} {...form.register('min_ram', { valueAsNumber: true })} />
        </Field>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" {...form.register('protected')} /> Protected (cannot be deleted)
        </label>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" {...form.register('os_hidden')} /> Hidden from default lists
        </label>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Properties</legend>
        {errors.properties?.message && <p className="text-xs text-red-700">{errors.properties.message}</p>}
        {properties.fields.map((row, index) => {
          const key = (watchedProperties[index]?.key ?? '').trim();
          const info = known.get(key);
          const keyError = errors.properties?.[index]?.key?.message;
          const valueError = errors.properties?.[index]?.value?.message;
          return (
            <div key={row.id} className="grid grid-cols-[minmax(10rem,16rem)_1fr_auto] items-start gap-2">
              <div>
                <input className={inputClass} aria-label={`Property ${index + 1} key`} aria-invalid={keyError ? true : undefined} {...form.register(`properties.${index}.key`)} />
                {keyError && <p className="text-xs text-red-700 dark:text-red-400">{keyError}</p>}
              </div>
              <div>
                <ValueInput index={index} known={info} register={form.register} label={key ? `Value of ${key}` : `Property ${index + 1} value`} />
                {valueError && <p className="text-xs text-red-700 dark:text-red-400">{valueError}</p>}
                {info && (
                  <p className="mt-0.5 text-xs text-slate-500">
                    {info.title} · {info.namespaceTitle}
                    {info.description ? ` — ${info.description.slice(0, 160)}` : ''}
                  </p>
                )}
              </div>
              <Button size="sm" variant="ghost" aria-label={`Remove property ${key || index + 1}`} onClick={() => properties.remove(index)}>
                Remove
              </Button>
            </div>
          );
        })}
        <div className="flex flex-wrap items-end gap-2">
          <Button size="sm" onClick={() => properties.append({ key: '', value: '' })}>
            Add property
          </Button>
          <Field label="Add from the metadata catalogue" className="w-80">
            <select
              className={inputClass}
              value=""
              onChange={(event) => {
                const picked = known.get(event.target.value);
                if (!picked) return;
                const existing = form.getValues('properties').findIndex((row) => row.key.trim() === picked.name);
                if (existing === -1) properties.append({ key: picked.name, value: picked.default === undefined ? '' : String(picked.default) });
              }}
            >
              <option value="">{cataloguePending ? 'Loading…' : 'Choose a property…'}</option>
              {(catalogueData ?? []).map((ns) => (
                <optgroup key={ns.namespace} label={ns.title}>
                  {ns.properties.map((property) => (
                    <option key={`${ns.namespace}/${property.name}`} value={property.name}>
                      {property.name}
                      {property.title ? ` — ${property.title}` : ''}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Tags</legend>
        <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
          {tags.fields.map((tag, index) => (
            <li key={tag.id} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2 text-xs dark:bg-slate-800">
              {form.getValues(`tags.${index}.value`)}
              {errors.tags?.[index]?.value?.message && <span className="text-red-700"> ({errors.tags[index]?.value?.message})</span>}
              <button type="button" aria-label={`Remove tag ${form.getValues(`tags.${index}.value`)}`} className="px-1" onClick={() => tags.remove(index)}>
                ×
              </button>
            </li>
          ))}
        </ul>
        {errors.tags?.message && <p className="text-xs text-red-700">{errors.tags.message}</p>}
        <div className="flex items-end gap-2">
          <Field label="New tag" error={newTag.length > 255 ? 'At most 255 characters.' : undefined} className="w-64">
            <input
              className={inputClass}
              value={newTag}
              onChange={(event) => setNewTag(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  if (newTag.trim() && newTag.length <= 255) {
                    tags.append({ value: newTag.trim() });
                    setNewTag('');
                  }
                }
              }}
            />
          </Field>
          <Button
            size="sm"
            disabled={!newTag.trim() || newTag.length > 255}
            onClick={() => {
              tags.append({ value: newTag.trim() });
              setNewTag('');
            }}
          >
            Add tag
          </Button>
        </div>
      </fieldset>

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

      <Dialog
        open={review !== null}
        title="Review the change"
        onClose={() => setReview(null)}
        footer={
          <>
            <Button onClick={() => setReview(null)}>Back to editing</Button>
            <Button variant="primary" busy={save.isPending} onClick={() => review && send(review, 'check')}>
              Save
            </Button>
          </>
        }
      >
        <p>One atomic PATCH ({reviewOps.length} operations):</p>
        <pre aria-label="JSON-Patch" className="max-h-48 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{JSON.stringify(reviewOps, null, 2)}</pre>
        <p>The same with the OpenStack client:</p>
        <pre aria-label="Command line" className="overflow-x-auto rounded bg-slate-100 p-2 text-xs whitespace-pre-wrap dark:bg-slate-800">{cliCommands(image.id, reviewOps, loaded.tags).join('\n')}</pre>
      </Dialog>

      <ConflictDialog conflict={conflict} loaded={loadedEditable} busy={save.isPending} onCancel={() => setConflict(null)} onResolve={(mode) => conflict && send(conflict.edited, mode)} />

      <Dialog
        open={blocker.state === 'blocked'}
        title="Leave without saving?"
        onClose={() => blocker.reset?.()}
        footer={
          <>
            <Button onClick={() => blocker.reset?.()}>Stay</Button>
            <Button variant="danger" onClick={() => blocker.proceed?.()}>
              Leave and discard
            </Button>
          </>
        }
      >
        <p>Your changes to this image are not saved.</p>
      </Dialog>
    </form>
  );
}

function describeValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value)) return value.join(', ') || '(none)';
  return value === null ? '—' : String(value);
}

/** What the server changed since loading, beside the user's own edits. */
function ConflictDialog({
  conflict,
  loaded,
  busy,
  onCancel,
  onResolve,
}: {
  conflict: { server: Image; edited: EditableImage } | null;
  loaded: EditableImage;
  busy: boolean;
  onCancel: () => void;
  onResolve: (mode: 'merge' | 'overwrite') => void;
}) {
  if (!conflict) return null;
  const server = toEditable(conflict.server);
  const serverOps = buildImagePatch(loaded, server);
  const mineOps = buildImagePatch(loaded, conflict.edited);
  const keyOf = (path: string) => path.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
  const valueIn = (image: EditableImage, key: string) => (key === 'tags' ? [...image.tags].sort() : key in image.base ? image.base[key] : image.extras[key]);
  const keys = [...new Set([...serverOps, ...mineOps].map((op) => keyOf(op.path)))];
  const both = new Set(serverOps.map((op) => keyOf(op.path)).filter((key) => mineOps.some((op) => keyOf(op.path) === key)));
  return (
    <Dialog
      open
      title="This image changed while you were editing"
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>Keep editing</Button>
          <Button busy={busy} onClick={() => onResolve('overwrite')}>
            Overwrite with mine
          </Button>
          <Button variant="primary" busy={busy} onClick={() => onResolve('merge')}>
            Merge: my changes on top
          </Button>
        </>
      }
    >
      <p>
        Someone saved this image after you opened it. <strong>Merge</strong> applies only the fields you changed and keeps the server’s other
        changes. <strong>Overwrite</strong> makes the image exactly what your form shows.
      </p>
      <table className="w-full text-xs">
        <caption className="sr-only">Changes</caption>
        <thead className="text-left text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-2">Field</th>
            <th scope="col" className="py-1 pr-2">When you opened it</th>
            <th scope="col" className="py-1 pr-2">On the server now</th>
            <th scope="col" className="py-1">Yours</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key} className={both.has(key) ? 'bg-amber-50 dark:bg-amber-950/40' : undefined}>
              <th scope="row" className="py-1 pr-2 text-left font-mono font-normal">{key}</th>
              <td className="py-1 pr-2">{describeValue(valueIn(loaded, key))}</td>
              <td className="py-1 pr-2">{describeValue(valueIn(server, key))}</td>
              <td className="py-1">{describeValue(valueIn(conflict.edited, key))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {both.size > 0 && <p className="text-xs">Highlighted fields were changed on both sides: merging keeps yours.</p>}
    </Dialog>
  );
}
