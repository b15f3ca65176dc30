import { Field, inputClass } from '@/components/ui/field';

export interface SelectOption<Value extends string> {
  value: Value;
  label: string;
}

interface SelectFieldProps<Value extends string> {
  label: string;
  value: Value | '';
  /** Values shown as they are, or value/label pairs. */
  options: readonly (Value | SelectOption<Value>)[];
  /** The first option, meaning "no filter" (value ''); leave out when a value is required. */
  anyLabel?: string;
  onChange: (value: Value | '') => void;
  hint?: string;
  className?: string;
}

/** The <option>s of a select, value and label apart. */
export function SelectOptions({ options }: { options: readonly SelectOption<string>[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/** A labelled select of known values: what it reports is always one of them (or ''). */
export function SelectField<Value extends string>({ label, value, options, anyLabel, onChange, hint, className }: SelectFieldProps<Value>) {
  const normalised = options.map((option) => (typeof option === 'string' ? { value: option, label: option } : option));
  return (
    <Field label={label} hint={hint} className={className}>
      <select className={inputClass} value={value} onChange={(event) => onChange(normalised.find((option) => option.value === event.target.value)?.value ?? '')}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        <SelectOptions options={normalised} />
      </select>
    </Field>
  );
}
