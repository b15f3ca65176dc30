import type { UseFormReturn } from 'react-hook-form';
import { Field, inputClass } from '@/components/ui/field';
import type { NamespaceFormValues } from '@/features/metadefs/api/namespace-form-model';

/** The namespace's own fields, for the create form and the overview's edit form. */
export function NamespaceFormFields({ form, nameHint }: { form: UseFormReturn<NamespaceFormValues>; nameHint: string }) {
  const { errors } = form.formState;
  return (
    <div className="grid max-w-3xl gap-3 sm:grid-cols-2">
      <Field label="Namespace" hint={nameHint} error={errors.namespace?.message}>
        <input className={`${inputClass} font-mono`} autoComplete="off" spellCheck={false} {...form.register('namespace')} />
      </Field>
      <Field label="Display name" hint="Shown instead of the namespace where there is room." error={errors.display_name?.message}>
        <input className={inputClass} autoComplete="off" {...form.register('display_name')} />
      </Field>
      <Field label="Description" className="sm:col-span-2" error={errors.description?.message}>
        <textarea rows={3} className={inputClass} {...form.register('description')} />
      </Field>
      <Field label="Visibility" hint="Public: every project reads it. Private: only the owner project (and admins)." error={errors.visibility?.message}>
        <select className={inputClass} {...form.register('visibility')}>
          <option value="private">private</option>
          <option value="public">public</option>
        </select>
      </Field>
      <label className="flex items-center gap-2 self-center text-sm">
        <input type="checkbox" {...form.register('protected')} /> Protected (nothing in it can be deleted until unprotected)
      </label>
    </div>
  );
}
