import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { FormFooter } from '@/components/ui/form-footer';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import { useUnsavedChangesGuard } from '@/components/ui/use-unsaved-changes-guard';
import type { Property, ResourceTypeAssociation } from '@/features/metadefs/api/metadef-schema';
import { writeProblem } from '@/features/metadefs/api/metadef-write-errors';
import {
  emptyPropertyValues,
  propertyFormSchema,
  prefixWarning,
  propertyToForm,
  type PropertyFormValues,
} from '@/features/metadefs/api/property-form-model';
import { FALLBACK_RULES, propertySchemaQuery } from '@/features/metadefs/api/property-schema-query';
import { PropertyFields } from '@/features/metadefs/components/property-fields';
import { PropertyPreview } from '@/features/metadefs/components/property-preview';

interface PropertyEditorProps {
  /** "New property", "Edit property cpu_policy"… */
  heading: string;
  /** The stored property when editing (its bare name and definition); none for a new one. */
  editing?: { name: string; property: Property } | undefined;
  /** The names of the other properties beside it (a name may not repeat). */
  otherNames: readonly string[];
  /** Writes the property; a rejection is shown on the form. */
  save: (values: PropertyFormValues) => Promise<unknown>;
  onClose: () => void;
  /** The namespace's resource-type associations: a name typed with one of their prefixes gets a warning. */
  associations?: readonly ResourceTypeAssociation[] | undefined;
  /** Told when the form gains or loses unsaved changes (the tab holds other editors back meanwhile). */
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/** The property form (fields for the chosen type only) beside a preview of the image editor's input. */
export function PropertyEditor({ heading, editing, otherNames, save, onClose, associations = [], onDirtyChange }: PropertyEditorProps) {
  const rules = useQuery(propertySchemaQuery()).data ?? FALLBACK_RULES;
  const resolver = useMemo(() => zodResolver(propertyFormSchema({ taken: otherNames, nameMax: rules.nameMax })), [otherNames, rules.nameMax]);
  const form = useForm<PropertyFormValues>({
    resolver,
    defaultValues: editing ? propertyToForm(editing.name, editing.property) : emptyPropertyValues,
  });
  const values = useWatch({ control: form.control }) as PropertyFormValues;
  const dirty = form.formState.isDirty && !form.formState.isSubmitSuccessful;
  const guard = useUnsavedChangesGuard(dirty);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const sectionRef = useRef<HTMLElement>(null);
  // The editor opens above the table, maybe off-screen: bring it into view with focus in its first field.
  useEffect(() => {
    sectionRef.current?.scrollIntoView?.({ block: 'nearest' });
    form.setFocus('name');
  }, [form]);

  const onSubmit = form.handleSubmit(async (submitted) => {
    try {
      await save(submitted);
      onClose();
    } catch (error) {
      const problem = writeProblem(error, 'property', submitted.name.trim());
      const field = problem.field && problem.field in submitted ? (problem.field as Path<PropertyFormValues>) : undefined;
      form.setError(field ?? 'root.server', { message: problem.message }, { shouldFocus: Boolean(field) });
    }
  });

  return (
    <section ref={sectionRef} aria-label={heading} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h3 className="text-sm font-semibold break-all">{heading}</h3>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-3">
          <PropertyFields form={form} types={rules.types} type={values.type} renaming={editing !== undefined && values.name.trim() !== editing.name} originalName={editing?.name}
            nameWarning={prefixWarning(values.name, associations)}
          />
          <FormFooter problem={form.formState.errors.root?.server?.message} submitLabel={editing ? 'Save property' : 'Create property'} busy={form.formState.isSubmitting} onCancel={onClose} />
        </div>
        {/* A new type or new allowed values start the preview over, with an empty value. */}
        <PropertyPreview key={`${values.type}:${values.itemsType}`} values={values} />
      </form>
      <UnsavedChangesDialog guard={guard}>This property is not saved.</UnsavedChangesDialog>
    </section>
  );
}
