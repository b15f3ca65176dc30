import { Controller, type Control, type UseFormRegister } from 'react-hook-form';
import { isChecklist, PropertyValueInput } from '@/components/ui/property-value-input';
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
  const name = `properties.${index}.value` as const;
  if (isChecklist(known)) {
    return (
      <Controller
        control={control}
        name={name}
        render={({ field: { value, onChange } }) => (
          <PropertyValueInput rule={known} label={label} current={current} invalid={invalid} control={{ onChange }} checklist={{ value, onChange }} />
        )}
      />
    );
  }
  return <PropertyValueInput rule={known} label={label} current={current} invalid={invalid} control={register(name)} />;
}
