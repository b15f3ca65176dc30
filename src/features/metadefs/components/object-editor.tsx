import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { FormFooter } from '@/components/ui/form-footer';
import { Field, inputClass } from '@/components/ui/field';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import { useUnsavedChangesGuard } from '@/components/ui/use-unsaved-changes-guard';
import type { MetadefObject } from '@/features/metadefs/api/metadef-schema';
import { writeProblem } from '@/features/metadefs/api/metadef-write-errors';
import { objectFormSchema, objectToForm, type ObjectFormValues } from '@/features/metadefs/api/object-form-model';
import { FALLBACK_RULES, propertySchemaQuery } from '@/features/metadefs/api/property-schema-query';

interface ObjectEditorProps {
  heading: string;
  /** The stored object when editing; none for a new one. */
  editing?: MetadefObject | undefined;
  otherNames: readonly string[];
  save: (values: ObjectFormValues) => Promise<unknown>;
  onClose: () => void;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/** An object's name, description and required list (offered from its own properties). */
export function ObjectEditor({ heading, editing, otherNames, save, onClose, onDirtyChange }: ObjectEditorProps) {
  const rules = useQuery(propertySchemaQuery()).data ?? FALLBACK_RULES;
  const resolver = useMemo(() => zodResolver(objectFormSchema({ taken: otherNames, nameMax: rules.nameMax })), [otherNames, rules.nameMax]);
  const form = useForm<ObjectFormValues>({ resolver, defaultValues: objectToForm(editing) });
  const dirty = form.formState.isDirty && !form.formState.isSubmitSuccessful;
  const guard = useUnsavedChangesGuard(dirty);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const propertyNames = Object.keys(editing?.properties ?? {});
  const errors = form.formState.errors;
  useEffect(() => form.setFocus('name'), [form]);

  const onSubmit = form.handleSubmit(async (submitted) => {
    try {
      await save(submitted);
      onClose();
    } catch (error) {
      const problem = writeProblem(error, 'object', submitted.name.trim());
      if (problem.field === 'name' || problem.field === 'description') form.setError(problem.field, { message: problem.message }, { shouldFocus: true });
      else form.setError('root.server', { message: problem.message });
    }
  });

  return (
    <section aria-label={heading} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h3 className="text-sm font-semibold break-all">{heading}</h3>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-3">
        <Field label="Object name" error={errors.name?.message}>
          <input className={`${inputClass} font-mono`} autoComplete="off" {...form.register('name')} />
        </Field>
        <Field label="Object description" error={errors.description?.message}>
          <textarea className={inputClass} rows={2} {...form.register('description')} />
        </Field>
        {propertyNames.length > 0 ? (
          <fieldset className="space-y-1">
            <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">Required properties</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {propertyNames.map((name) => (
                <label key={name} className="inline-flex items-center gap-1.5 font-mono text-xs break-all">
                  <input type="checkbox" value={name} {...form.register('required')} />
                  {name}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <p className="text-xs text-slate-500 dark:text-slate-400">Add properties to the object to mark some as required.</p>
        )}
        <FormFooter problem={errors.root?.server?.message} submitLabel={editing ? 'Save object' : 'Create object'} busy={form.formState.isSubmitting} onCancel={onClose} />
      </form>
      <UnsavedChangesDialog guard={guard}>This object is not saved.</UnsavedChangesDialog>
    </section>
  );
}
