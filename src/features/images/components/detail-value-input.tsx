import { Controller, type Control, type UseFormRegister } from 'react-hook-form';
import { inputClass } from '@/components/ui/field';
import { decodeArray, encodeArray, enumValues } from '@/features/images/api/image-detail-rules';
import type { KnownProperty, PropertyRows } from '@/features/images/api/image-edit-form-model';

interface ValueInputProps {
  index: number;
  known: KnownProperty | undefined;
  register: UseFormRegister<PropertyRows>;
  control: Control<PropertyRows>;
  label: string;
  /** The value the image had when the form opened. */
  current: string;
  invalid: boolean;
}

/** The value input for a property: typed when the live schema or the metadefs catalogue knows the key. */
export function ValueInput({ index, known, register, control, label, current, invalid }: ValueInputProps) {
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
                  <label key={option} className="inline-flex items-center gap-1 break-all">
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
  const choices = type === 'boolean' ? ['true', 'false'] : enumValues(known);
  if (choices.length > 0) {
    return (
      <select className={inputClass} aria-label={label} {...field}>
        <option value="">—</option>
        {withCurrent(choices).map((value) => (
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
