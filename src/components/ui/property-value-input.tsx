import type { ChangeEventHandler, FocusEventHandler } from 'react';
import { inputClass } from '@/components/ui/field';
import { decodeArray, encodeArray, enumValues, type PropertyRule } from '@/lib/property-values';

/** The select's or input's own props: a react-hook-form register() result, or value and onChange. */
export interface ValueControlProps {
  name?: string;
  value?: string;
  onChange: ChangeEventHandler<HTMLInputElement | HTMLSelectElement>;
  onBlur?: FocusEventHandler<HTMLInputElement | HTMLSelectElement>;
  ref?: (element: HTMLInputElement | HTMLSelectElement | null) => void;
}

interface PropertyValueInputProps {
  rule: PropertyRule | undefined;
  label: string;
  /** The value when editing began: kept selectable when it is not among the offered values. */
  current?: string;
  invalid?: boolean;
  /** Props of the single control (select or input). */
  control: ValueControlProps;
  /** For an array with allowed values (checkboxes): the encoded value and its setter. */
  checklist?: { value: string; onChange: (value: string) => void };
}

/** An array whose items have allowed values is edited as checkboxes, one per value. */
export function isChecklist(rule: PropertyRule | undefined): boolean {
  return rule?.type === 'array' && enumValues(rule.items ?? undefined).length > 0;
}

/**
 * The input a property value gets, typed by its rule: checkboxes for an array with allowed
 * values, a select for an enum or a boolean, a number input with its range, a text input with
 * its length and pattern. The image editor uses it, and so does the metadefs editor's preview.
 */
export function PropertyValueInput({ rule, label, current = '', invalid = false, control, checklist }: PropertyValueInputProps) {
  const type = rule?.type ?? undefined;
  if (checklist && isChecklist(rule)) {
    const options = enumValues(rule?.items ?? undefined);
    const picked = decodeArray(checklist.value);
    return (
      <fieldset aria-label={label} className="flex max-h-32 flex-wrap gap-x-3 gap-y-0.5 overflow-auto rounded-md border border-slate-300 p-1.5 text-xs dark:border-slate-600">
        {options.map((option) => (
          <label key={option} className="inline-flex items-center gap-1 break-all">
            <input
              type="checkbox"
              checked={picked.includes(option)}
              onChange={(event) =>
                checklist.onChange(encodeArray(event.target.checked ? [...picked, option] : picked.filter((entry) => entry !== option), rule?.operators))
              }
            />
            {option}
          </label>
        ))}
      </fieldset>
    );
  }
  const field = { ...control, 'aria-invalid': invalid || undefined };
  // An existing value outside the offered list stays selectable, so loading never rewrites it.
  const withCurrent = (options: string[]) => (current && !options.includes(current) ? [current, ...options] : options);
  const choices = type === 'boolean' ? ['true', 'false'] : enumValues(rule);
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
      min={numeric ? (rule?.minimum ?? undefined) : undefined}
      max={numeric ? (rule?.maximum ?? undefined) : undefined}
      step={type === 'integer' ? 1 : undefined}
      maxLength={rule?.maxLength ?? undefined}
      pattern={rule?.pattern ?? undefined}
      {...field}
    />
  );
}
