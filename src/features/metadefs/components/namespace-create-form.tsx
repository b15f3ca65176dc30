import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { FormFooter } from '@/components/ui/form-footer';
import { toast } from '@/components/ui/toast';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import { useUnsavedChangesGuard } from '@/components/ui/use-unsaved-changes-guard';
import { paths } from '@/config/paths';
import type { SchemaNode } from '@/features/metadefs/api/metadef-json-schema';
import { EMPTY_NAMESPACE_FORM, createBody, namespaceFormSchema, namespaceWriteProblem, type NamespaceFormValues } from '@/features/metadefs/api/namespace-form-model';
import { useCreateNamespace } from '@/features/metadefs/api/namespace-mutations';
import { NamespaceFormFields } from '@/features/metadefs/components/namespace-form-fields';

/** A new, empty namespace from its own fields; properties, objects and tags are added afterwards. */
export function NamespaceCreateForm({ schema }: { schema: SchemaNode | undefined }) {
  const resolver = useMemo(() => zodResolver(namespaceFormSchema(schema)), [schema]);
  const form = useForm<NamespaceFormValues>({ resolver, defaultValues: EMPTY_NAMESPACE_FORM });
  const create = useCreateNamespace();
  const [problem, setProblem] = useState<string | null>(null);
  const navigate = useNavigate();
  const guard = useUnsavedChangesGuard(form.formState.isDirty && !create.isPending && !create.data);

  // Once created (and the guard has seen it), open the new namespace.
  const created = create.data?.namespace;
  useEffect(() => {
    if (created) void navigate(paths.metadefNamespace(created));
  }, [created, navigate]);

  const submit = form.handleSubmit((values) => {
    setProblem(null);
    create.mutate(createBody(values), {
      onSuccess: (namespace) => toast('success', 'Namespace created', namespace.namespace),
      onError: (error) => {
        const found = namespaceWriteProblem(error, values.namespace.trim());
        if (found.field) form.setError(found.field, { message: found.message }, { shouldFocus: true });
        else setProblem(found.message);
      },
    });
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-3" aria-label="New namespace">
      <NamespaceFormFields form={form} nameHint="Unique in the cloud; e.g. OS::Example or my-company:hardware. Up to 80 characters." />
      <FormFooter problem={problem} submitLabel="Create namespace" busy={create.isPending} onCancel={() => void navigate(paths.metadefs)} />
      <UnsavedChangesDialog guard={guard}>The new namespace has not been created yet.</UnsavedChangesDialog>
    </form>
  );
}
