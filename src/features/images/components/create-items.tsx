import type { ComponentProps } from 'react';
import { useFormState, useWatch, type FieldArrayWithId, type UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import type { CreateFormValues } from '@/features/images/api/image-create-form-model';
import { formatBytes } from '@/lib/format';

interface CreateItemsProps {
  form: UseFormReturn<CreateFormValues>;
  /** The items' field array rows (their ids key the rows; file name, size and hint do not change). */
  fields: FieldArrayWithId<CreateFormValues, 'items'>[];
  nameMax: number;
  diskFormats: readonly string[];
  containerFormats: readonly string[];
  /** Removes one file (and its image) from the form; absent when there is a single image. */
  onRemove?: (index: number) => void;
}

function FormatSelect({ options, ...rest }: { options: readonly string[] } & ComponentProps<'select'>) {
  return (
    <select className={inputClass} {...rest}>
      <option value="">— choose —</option>
      {options.map((value) => (
        <option key={value}>{value}</option>
      ))}
    </select>
  );
}

/** The fields that differ per image: its name and formats (suggested from its file), and its file. */
export function CreateItems({ form, fields, nameMax, diskFormats, containerFormats, onRemove }: CreateItemsProps) {
  const names = useWatch({ control: form.control, name: 'items' }).map((item) => item.name);
  const { errors } = useFormState({ control: form.control, name: 'items' });
  return (
    <div className="space-y-3">
      {fields.map((item, index) => {
        const itemErrors = errors.items?.[index];
        const label = item.fileName ?? 'New image';
        return (
          <fieldset key={item.id} className="min-w-0 rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <legend className="max-w-full px-1 text-sm font-semibold break-all">
              {item.fileName ? `${item.fileName} (${formatBytes(item.size)})` : fields.length > 1 ? `Image ${index + 1}` : 'Image'}
            </legend>
            <div className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-3">
              <Field label={fields.length > 1 ? `Name of image ${index + 1}` : 'Name'} error={itemErrors?.name?.message} hint={names[index] === '' ? 'Empty: the image has no name and is shown by its ID.' : `At most ${nameMax} characters.`}>
                <input className={inputClass} {...form.register(`items.${index}.name`)} />
              </Field>
              <Field label={fields.length > 1 ? `Disk format of image ${index + 1}` : 'Disk format'} error={itemErrors?.disk_format?.message}>
                <FormatSelect options={diskFormats} {...form.register(`items.${index}.disk_format`)} />
              </Field>
              <Field label={fields.length > 1 ? `Container format of image ${index + 1}` : 'Container format'} error={itemErrors?.container_format?.message}>
                <FormatSelect options={containerFormats} {...form.register(`items.${index}.container_format`)} />
              </Field>
            </div>
            {item.hint && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{item.hint}</p>}
            {itemErrors?.size?.message && (
              <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
                {itemErrors.size.message}
              </p>
            )}
            {onRemove && fields.length > 1 && (
              <Button size="sm" variant="ghost" className="mt-2" aria-label={`Remove ${label}`} onClick={() => onRemove(index)}>
                Remove
              </Button>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
