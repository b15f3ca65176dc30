import type { UseFormReturn } from 'react-hook-form';
import { Field, inputClass } from '@/components/ui/field';
import { fieldsFor, type PropertyFormValues, type PropertyType } from '@/features/metadefs/api/property-form-model';

interface PropertyFieldsProps {
  form: UseFormReturn<PropertyFormValues>;
  /** The types Glance's schema offers. */
  types: readonly PropertyType[];
  /** The chosen type: only its fields are shown. */
  type: PropertyType;
  renaming: boolean;
  originalName: string | undefined;
  /** A warning about the name that does not stop saving (a resource-type prefix typed in). */
  nameWarning: string | undefined;
}

const ITEM_TYPES: readonly PropertyType[] = ['string', 'integer', 'number', 'boolean'];

/** The property's fields, following Glance's property schema; the limits shown depend on the type. */
export function PropertyFields({ form, types, type, renaming, originalName, nameWarning }: PropertyFieldsProps) {
  const { register, formState } = form;
  const errors = formState.errors;
  const show = fieldsFor(type);
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Name"
          error={errors.name?.message}
          hint={
            nameWarning ??
            (renaming ? `Renames "${originalName ?? ''}": images keep values under the old key until edited.` : 'The key, without any resource-type prefix.')
          }
        >
          <input className={`${inputClass} font-mono`} autoComplete="off" {...register('name')} />
        </Field>
        <Field label="Title" error={errors.title?.message}>
          <input className={inputClass} autoComplete="off" {...register('title')} />
        </Field>
      </div>
      <Field label="Description" error={errors.description?.message}>
        <textarea className={inputClass} rows={2} {...register('description')} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Type" error={errors.type?.message}>
          <select className={inputClass} {...register('type')}>
            {types.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </Field>
        <Field label="Operators" error={errors.operators?.message} hint="Space-separated, e.g. <or> or <all-in>; the first one is used to join array values.">
          <input className={`${inputClass} font-mono`} autoComplete="off" {...register('operators')} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register('readonly')} />
        Read-only (shown, not meant to be changed)
      </label>
      {show.enum && (
        <Field label="Allowed values" error={errors.enumText?.message} hint="One a line; leave empty to allow any value.">
          <textarea className={`${inputClass} font-mono`} rows={3} {...register('enumText')} />
        </Field>
      )}
      {show.default && (
        <Field label="Default" error={errors.defaultValue?.message} hint={type === 'boolean' ? undefined : 'Leave empty for no default.'}>
          {type === 'boolean' ? (
            <select className={inputClass} {...register('defaultValue')}>
              <option value="">No default</option>
              <option>true</option>
              <option>false</option>
            </select>
          ) : (
            <input className={`${inputClass} font-mono`} autoComplete="off" {...register('defaultValue')} />
          )}
        </Field>
      )}
      {show.range && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Minimum" error={errors.minimum?.message} hint="A whole number: Glance keeps no fractions in limits.">
            <input className={inputClass} inputMode="decimal" autoComplete="off" {...register('minimum')} />
          </Field>
          <Field label="Maximum" error={errors.maximum?.message}>
            <input className={inputClass} inputMode="decimal" autoComplete="off" {...register('maximum')} />
          </Field>
        </div>
      )}
      {show.length && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Minimum length" error={errors.minLength?.message}>
            <input className={inputClass} inputMode="numeric" autoComplete="off" {...register('minLength')} />
          </Field>
          <Field label="Maximum length" error={errors.maxLength?.message}>
            <input className={inputClass} inputMode="numeric" autoComplete="off" {...register('maxLength')} />
          </Field>
        </div>
      )}
      {show.pattern && (
        <Field label="Pattern" error={errors.pattern?.message} hint="A regular expression the value must match.">
          <input className={`${inputClass} font-mono`} autoComplete="off" {...register('pattern')} />
        </Field>
      )}
      {show.items && (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <legend className="px-1 text-xs font-medium text-slate-700 dark:text-slate-300">Items</legend>
          <Field label="Item type" error={errors.itemsType?.message}>
            <select className={inputClass} {...register('itemsType')}>
              {ITEM_TYPES.filter((option) => types.includes(option)).map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          </Field>
          <Field label="Allowed item values" error={errors.itemsEnumText?.message} hint="One a line; the image editor offers them as checkboxes.">
            <textarea className={`${inputClass} font-mono`} rows={3} {...register('itemsEnumText')} />
          </Field>
        </fieldset>
      )}
    </>
  );
}
