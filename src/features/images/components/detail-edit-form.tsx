import { ScrollablePre } from '@/components/ui/scrollable-pre';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { useBlocker } from 'react-router';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { ErrorPanel } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { imageQueries, selectEditSchema } from '@/features/images/api/image-queries';
import { ImageConflict, toEditable, useSaveImage, type SaveMode } from '@/features/images/api/image-save';
import { metadefQueries } from '@/features/metadefs';
import {
  attributeInError,
  checkValue,
  combineRules,
  decodeArray,
  encodeArray,
  enumValues,
  GLANCE_LIMITS,
  type PropertyRule,
} from '@/features/images/api/image-detail-rules';
import { BASE_ATTRIBUTES, isReservedKey, type Image } from '@/features/images/api/image-schema';
import { isApiError } from '@/lib/api-error';
import { usePermissions } from '@/lib/session';
import { buildImagePatch, cliCommands, type EditableImage } from '@/lib/json-patch';

const MAX_ITEMS = GLANCE_LIMITS.properties;
const BASE_FIELDS = ['name', 'visibility', 'disk_format', 'container_format', 'min_disk', 'min_ram', 'protected', 'os_hidden'] as const;

/** A property's rule plus where it comes from, for the typed input and its hint. */
type KnownProperty = PropertyRule & { title?: string | null; description?: string | null; namespaceTitle?: string; default?: unknown };

function formSchema(rules: Map<string, KnownProperty>, nameMax: number, loadedExtras: Record<string, string>) {
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
      properties: z.array(property).max(MAX_ITEMS, `Glance allows at most ${MAX_ITEMS} properties on an image.`),
      tags: z
        .array(z.object({ value: z.string().trim().min(1, 'Empty tag.').max(GLANCE_LIMITS.tagLength, 'At most 255 characters.') }))
        .max(GLANCE_LIMITS.tags, `Glance allows at most ${GLANCE_LIMITS.tags} tags on an image.`),
    })
    .superRefine((values, context) => {
      const seen = new Set<string>();
      values.properties.forEach(({ key, value }, index) => {
        const issue = (message: string, field: 'key' | 'value' = 'key') => context.addIssue({ code: 'custom', path: ['properties', index, field], message });
        if (!key) return issue('Enter a key, or remove the row.');
        if (key.length > GLANCE_LIMITS.keyLength) return issue(`Keys are at most ${GLANCE_LIMITS.keyLength} characters.`);
        if (isReservedKey(key) || BASE_ATTRIBUTES.has(key)) return issue(`"${key}" is set by Glance and cannot be edited here.`);
        if (seen.has(key)) return issue('This key is already used above.');
        seen.add(key);
        // A value the image already had is not the user's doing: only new or changed values are checked.
        if (loadedExtras[key] === value) return;
        const problem = checkValue(rules.get(key), value);
        if (problem) issue(problem, 'value');
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

/** The value input for a property: typed when the live schema or the metadefs catalogue knows the key. */
function ValueInput({
  index,
  known,
  register,
  control,
  label,
  current,
  invalid,
}: {
  invalid: boolean;
  index: number;
  known: KnownProperty | undefined;
  register: UseFormRegister<FormValues>;
  control: Control<FormValues>;
  label: string;
  current: string;
}) {
  const field = { ...register(`properties.${index}.value`), 'aria-invalid': invalid || undefined };
  const type = known?.type ?? undefined;
  if (type === 'array') {
    const options = enumValues(known?.items ?? undefined);
    if (options.length > 0) {
      return (
        <Controller
          control={control}
          name={`properties.${index}.value`}
          render={({ field: { value, onChange } }) => {
            const picked = decodeArray(value);
            return (
              <fieldset aria-label={label} className="flex max-h-32 flex-wrap gap-x-3 gap-y-0.5 overflow-auto rounded-md border border-slate-300 p-1.5 text-xs dark:border-slate-600">
                {options.map((option) => (
                  <label key={option} className="inline-flex items-center gap-1">
                    <input
                      type="checkbox"
                      checked={picked.includes(option)}
                      onChange={(event) =>
                        onChange(encodeArray(event.target.checked ? [...picked, option] : picked.filter((entry) => entry !== option), known?.operators))
                      }
                    />
                    {option}
                  </label>
                ))}
              </fieldset>
            );
          }}
        />
      );
    }
  }
  // An existing value outside the offered list stays selectable, so loading never rewrites it.
  const withCurrent = (options: string[]) => (current && !options.includes(current) ? [current, ...options] : options);
  if (type === 'boolean') {
    return (
      <select className={inputClass} aria-label={label} {...field}>
        <option value="">—</option>
        {withCurrent(['true', 'false']).map((value) => (
          <option key={value}>{value}</option>
        ))}
      </select>
    );
  }
  const options = enumValues(known);
  if (options.length > 0) {
    return (
      <select className={inputClass} aria-label={label} {...field}>
        <option value="">—</option>
        {withCurrent(options).map((value) => (
          <option key={value}>{value}</option>
        ))}
      </select>
    );
  }
  const numeric = type === 'integer' || type === 'number';
  return (
    <input
      className={inputClass}
      aria-label={label}
      type={numeric ? 'number' : 'text'}
      min={numeric ? (known?.minimum ?? undefined) : undefined}
      max={numeric ? (known?.maximum ?? undefined) : undefined}
      step={type === 'integer' ? 1 : undefined}
      maxLength={known?.maxLength ?? undefined}
      pattern={known?.pattern ?? undefined}
      {...field}
    />
  );
}

function ruleHint(info: KnownProperty): string {
  const parts: string[] = [];
  if (info.title) parts.push(info.title);
  if (info.namespaceTitle) parts.push(info.namespaceTitle);
  else parts.push('defined by the image schema');
  const limits: string[] = [];
  if (info.type === 'integer' || info.type === 'number') {
    if (info.minimum !== null && info.minimum !== undefined) limits.push(`≥ ${info.minimum}`);
    if (info.maximum !== null && info.maximum !== undefined) limits.push(`≤ ${info.maximum}`);
  }
  if (info.maxLength) limits.push(`≤ ${info.maxLength} characters`);
  if (info.pattern) limits.push(`pattern ${info.pattern}`);
  const head = parts.join(' · ') + (limits.length ? ` (${limits.join(', ')})` : '');
  return info.description ? `${head} — ${info.description.slice(0, 200)}` : head;
}

interface EditFormProps {
  image: Image;
  onDone: () => void;
}

export function ImageEditForm({ image, onDone }: EditFormProps) {
  const { isAdmin } = usePermissions();
  const schema = useQuery({ ...imageQueries.schema(), select: selectEditSchema });
  const { data: catalogueData, isPending: cataloguePending } = useQuery(metadefQueries.imageCatalogue());
  // What is known about each extra property: the live schema's rules (enforced) over the catalogue's (advisory).
  const known = useMemo(() => {
    const map = new Map<string, KnownProperty>();
    for (const ns of catalogueData ?? []) for (const property of ns.properties) if (!map.has(property.name)) map.set(property.name, property);
    for (const [key, rule] of schema.data?.extraRules ?? []) map.set(key, combineRules(rule, map.get(key)) as KnownProperty);
    return map;
  }, [catalogueData, schema.data]);
  const nameMax = schema.data?.properties.name?.maxLength ?? 255;
  // The form keeps what it loaded: saving compares against it, not against a refetched image.
  const [loaded, setLoaded] = useState(image);
  const loadedExtras = useMemo(() => toEditable(loaded).extras, [loaded]);
  const resolver = useMemo(() => zodResolver(formSchema(known, nameMax, loadedExtras)), [known, nameMax, loadedExtras]);
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
          if (error instanceof ImageConflict) {
            setConflict({ server: error.server, edited });
            return;
          }
          setConflict(null);
          // Put Glance's 4xx on the field it is about; the banner above the form says it too.
          if (!isApiError(error) || error.status < 400 || error.status >= 500) return;
          const body = error.body as { message?: unknown } | undefined;
          const key = attributeInError(typeof body?.message === 'string' ? body.message : error.message);
          if (!key) return;
          const message = error.message || 'Glance rejected this value.';
          if ((BASE_FIELDS as readonly string[]).includes(key)) form.setError(key as (typeof BASE_FIELDS)[number], { message }, { shouldFocus: true });
          else if (key === 'tags') form.setError('tags', { message });
          else {
            const index = form.getValues('properties').findIndex((row) => row.key.trim() === key);
            if (index !== -1) form.setError(`properties.${index}.value`, { message }, { shouldFocus: true });
          }
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
  // Read-only and reserved attributes are never offered; while the schema loads, the usual set is shown.
  const offered = (key: string) => !schema.data || (schema.data.editable as readonly string[]).includes(key);
  // Glance changes formats only while the image has no data (403 otherwise).
  const formatsLocked = loaded.status !== 'queued';
  const visibilities = enumOptions('visibility', image.visibility).filter((value) => value !== 'public' || isAdmin || image.visibility === 'public');

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit image" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      {save.isError && !(save.error instanceof ImageConflict) && <ErrorPanel error={save.error} context="Saving failed; your edits are still here" />}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-3">
        {offered('name') && (
          <Field label="Name" error={errors.name?.message}>
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
            hint={formatsLocked ? 'Fixed once the image has data.' : undefined}
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
                <ValueInput
                  index={index}
                  known={info}
                  register={form.register}
                  control={form.control}
                  current={loadedExtras[key] ?? ''}
                  invalid={Boolean(valueError)}
                  label={key ? `Value of ${key}` : `Property ${index + 1} value`}
                />
                {valueError && (
                  <p role="alert" className="text-xs text-red-700 dark:text-red-400">
                    {valueError}
                  </p>
                )}
                {info && <p className="mt-0.5 text-xs text-slate-500">{ruleHint(info)}</p>}
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
                const name = event.target.value;
                const picked = known.get(name);
                if (!picked) return;
                const existing = form.getValues('properties').findIndex((row) => row.key.trim() === name);
                if (existing === -1) properties.append({ key: name, value: picked.default === undefined || picked.default === null ? '' : String(picked.default) });
                else form.setFocus(`properties.${existing}.value`);
              }}
            >
              <option value="">{cataloguePending ? 'Loading…' : 'Choose a property…'}</option>
              {schema.data && schema.data.extraRules.size > 0 && (
                <optgroup label="Image schema">
                  {[...schema.data.extraRules.keys()].map((name) => (
                    <option key={`schema/${name}`} value={name}>
                      {name}
                    </option>
                  ))}
                </optgroup>
              )}
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
        <ScrollablePre label="JSON-Patch" className="max-h-48">{JSON.stringify(reviewOps, null, 2)}</ScrollablePre>
        <div className="flex items-center justify-between gap-2">
          <p>The same with the OpenStack client:</p>
          <Button
            size="sm"
            variant="ghost"
            onClick={() =>
              void navigator.clipboard
                .writeText(cliCommands(image.id, reviewOps, loaded.tags).join('\n'))
                .then(() => toast('success', 'Command copied'), () => toast('error', 'Copy failed', 'The browser did not allow the clipboard.'))
            }
          >
            Copy command
          </Button>
        </div>
        <ScrollablePre label="Command line" wrap>{cliCommands(image.id, reviewOps, loaded.tags).join('\n')}</ScrollablePre>
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
      {both.size > 0 && (
        <p className="text-xs">
          Highlighted fields were changed on both sides: merging keeps yours{both.has('tags') ? ', except tags, where both sides’ additions and removals are kept' : ''}.
        </p>
      )}
    </Dialog>
  );
}
