import { useId, useState } from 'react';
import { PropertyValueInput } from '@/components/ui/property-value-input';
import { formToProperty, type PropertyFormValues } from '@/features/metadefs/api/property-form-model';
import { checkValue, type PropertyRule } from '@/lib/property-values';

/**
 * What a user editing an image gets for this property: the same input the image editor renders
 * (a select for an enum, checkboxes for an array's allowed items, true/false, a number input
 * with its range, text with its length and pattern), and the message it gives for a value.
 */
export function PropertyPreview({ values }: { values: PropertyFormValues }) {
  const [value, setValue] = useState('');
  const messageId = useId();
  const rule = formToProperty(values) as PropertyRule;
  const label = values.title.trim() || values.name.trim() || 'New property';
  const problem = checkValue(rule, value);
  return (
    <section aria-label="Preview in the image editor" className="min-w-0 space-y-2 self-start rounded-md border border-dashed border-slate-300 p-3 dark:border-slate-600">
      <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Preview in the image editor</h3>
      <div className="space-y-1">
        <p className="text-xs font-medium break-all text-slate-700 dark:text-slate-300">
          {label} <span className="font-mono font-normal text-slate-500 dark:text-slate-400">{values.name.trim()}</span>
        </p>
        <div aria-describedby={messageId}>
          <PropertyValueInput
            rule={rule}
            label={`Preview: ${label}`}
            invalid={Boolean(problem)}
            control={{ value, onChange: (event) => setValue(event.target.value) }}
            checklist={{ value, onChange: setValue }}
          />
        </div>
        {values.description.trim() && <p className="text-xs whitespace-pre-line text-slate-500 dark:text-slate-400">{values.description.trim()}</p>}
      </div>
      <p id={messageId} role="status" className={problem ? 'text-xs text-red-700 dark:text-red-400' : 'text-xs text-slate-500 dark:text-slate-400'}>
        {problem ? `The image editor would say: ${problem}` : value ? 'The image editor accepts this value.' : 'Type or pick a value to see what the image editor says.'}
      </p>
      {rule.type === 'array' && value && (
        <p className="text-xs break-all text-slate-500 dark:text-slate-400">
          Stored on the image as <span className="font-mono">{value}</span>
        </p>
      )}
    </section>
  );
}
