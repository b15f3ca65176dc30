import { useState } from 'react';
import { useFieldArray, useFormState, type Control } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { parseNewTag, type TagRows } from '@/features/images/api/image-edit-form-model';

/** The image's tags as removable chips, and a field to add one (Enter or the button). Any form holding `tags` rows can use it. */
export function TagEditor<Values extends TagRows>({ control: formControl }: { control: Control<Values> }) {
  // react-hook-form cannot type a path inside a generic form: the editor sees only its rows.
  const control = formControl as unknown as Control<TagRows>;
  const tags = useFieldArray({ control, name: 'tags' });
  const { errors } = useFormState({ control, name: 'tags' });
  const [draft, setDraft] = useState('');
  const parsed = parseNewTag(draft);
  const add = () => {
    if (!('tag' in parsed)) return;
    tags.append({ value: parsed.tag });
    setDraft('');
  };
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="text-sm font-semibold">Tags</legend>
      <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
        {tags.fields.map((tag, index) => (
          <li key={tag.id} className="inline-flex max-w-full items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2 text-xs break-all dark:bg-slate-800">
            {tag.value}
            {errors.tags?.[index]?.value?.message && <span className="text-red-700"> ({errors.tags[index]?.value?.message})</span>}
            <button type="button" aria-label={`Remove tag ${tag.value}`} className="px-1" onClick={() => tags.remove(index)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {errors.tags?.message && <p className="text-xs text-red-700">{errors.tags.message}</p>}
      <div className="flex items-end gap-2">
        <Field label="New tag" error={'problem' in parsed ? parsed.problem : undefined} className="w-64">
          <input
            className={inputClass}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              // Enter adds the tag; it must not submit the whole form.
              if (event.key !== 'Enter') return;
              event.preventDefault();
              add();
            }}
          />
        </Field>
        <Button size="sm" disabled={!('tag' in parsed)} onClick={add}>
          Add tag
        </Button>
      </div>
    </fieldset>
  );
}
