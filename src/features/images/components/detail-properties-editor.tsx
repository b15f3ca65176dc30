import { useFieldArray, useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { ruleHint, type KnownProperty, type PropertyRows } from '@/features/images/api/image-edit-form-model';
import { ValueInput } from '@/features/images/components/detail-value-input';
import type { CatalogueNamespace } from '@/features/metadefs';

interface PropertiesEditorProps<Values extends PropertyRows> {
  form: UseFormReturn<Values>;
  /** Rules per key (schema over catalogue), for typed inputs and hints. */
  known: ReadonlyMap<string, KnownProperty>;
  /** The extra properties as the form loaded them. */
  loadedExtras: Readonly<Record<string, string>>;
  /** Extra properties the live image schema defines, offered first. */
  schemaKeys: readonly string[];
  catalogue: readonly CatalogueNamespace[];
  cataloguePending: boolean;
}

/** Key/value rows for the image's extra properties, with typed values and a picker from the catalogue. Any form holding `properties` rows can use it. */
export function PropertiesEditor<Values extends PropertyRows>({ form: anyForm, known, loadedExtras, schemaKeys, catalogue, cataloguePending }: PropertiesEditorProps<Values>) {
  // react-hook-form cannot type a path inside a generic form: the editor sees only its rows.
  const form = anyForm as unknown as UseFormReturn<PropertyRows>;
  const properties = useFieldArray({ control: form.control, name: 'properties' });
  const watched = useWatch({ control: form.control, name: 'properties' });
  const { errors } = useFormState({ control: form.control, name: 'properties' });

  // A key already on the form is focused instead of added twice.
  const addFromCatalogue = (name: string) => {
    const picked = known.get(name);
    if (!picked) return;
    const existing = form.getValues('properties').findIndex((row) => row.key.trim() === name);
    if (existing === -1) properties.append({ key: name, value: picked.default === undefined || picked.default === null ? '' : String(picked.default) });
    else form.setFocus(`properties.${existing}.value`);
  };

  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="text-sm font-semibold">Properties</legend>
      {errors.properties?.message && <p className="text-xs text-red-700">{errors.properties.message}</p>}
      {properties.fields.map((row, index) => {
        const key = (watched[index]?.key ?? '').trim();
        const info = known.get(key);
        const keyError = errors.properties?.[index]?.key?.message;
        const valueError = errors.properties?.[index]?.value?.message;
        return (
          <div key={row.id} className="grid grid-cols-[minmax(10rem,16rem)_minmax(0,1fr)_auto] items-start gap-2">
            <div className="min-w-0">
              <input className={inputClass} aria-label={`Property ${index + 1} key`} aria-invalid={keyError ? true : undefined} {...form.register(`properties.${index}.key`)} />
              {keyError && <p className="text-xs break-all text-red-700 dark:text-red-400">{keyError}</p>}
            </div>
            <div className="min-w-0">
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
                <p role="alert" className="text-xs break-all text-red-700 dark:text-red-400">
                  {valueError}
                </p>
              )}
              {info && <p className="mt-0.5 text-xs break-words text-slate-500 dark:text-slate-400">{ruleHint(info)}</p>}
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
        <Field label="Add from the metadata catalogue" className="w-80 max-w-full">
          <select className={inputClass} value="" onChange={(event) => addFromCatalogue(event.target.value)}>
            <option value="">{cataloguePending ? 'Loading…' : 'Choose a property…'}</option>
            {schemaKeys.length > 0 && (
              <optgroup label="Image schema">
                {schemaKeys.map((name) => (
                  <option key={`schema/${name}`} value={name}>
                    {name}
                  </option>
                ))}
              </optgroup>
            )}
            {catalogue.map((ns) => (
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
  );
}
