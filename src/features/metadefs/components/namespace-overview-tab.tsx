import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { FormFooter } from '@/components/ui/form-footer';
import { Badge } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import { useUnsavedChangesGuard } from '@/components/ui/use-unsaved-changes-guard';
import { paths } from '@/config/paths';
import { projectNamesQuery } from '@/features/auth';
import { metadefSchemaQueries } from '@/features/metadefs/api/metadef-schema-queries';
import type { Namespace } from '@/features/metadefs/api/metadef-schema';
import { namespaceFormSchema, namespaceWriteProblem, type NamespaceFormValues } from '@/features/metadefs/api/namespace-form-model';
import { useUpdateNamespace } from '@/features/metadefs/api/namespace-mutations';
import { namespaceFields } from '@/features/metadefs/api/namespace-update';
import { NamespaceDelete } from '@/features/metadefs/components/namespace-delete';
import { NamespaceFormFields } from '@/features/metadefs/components/namespace-form-fields';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';
import { formatAbsolute } from '@/lib/format';
import { usePermissions, useSession } from '@/lib/session';

/** Edits the namespace's own fields with one PUT that carries all of them; a new name moves to its URL. */
function OverviewEditForm({ namespace, onDone }: { namespace: Namespace; onDone: () => void }) {
  const schema = useQuery(metadefSchemaQueries.all());
  const resolver = useMemo(() => zodResolver(namespaceFormSchema(schema.data?.namespace)), [schema.data]);
  const form = useForm<NamespaceFormValues>({ resolver, defaultValues: namespaceFields(namespace) });
  const update = useUpdateNamespace();
  const [problem, setProblem] = useState<string | null>(null);
  const navigate = useNavigate();
  const guard = useUnsavedChangesGuard(form.formState.isDirty && !update.isPending && !update.isSuccess);
  // After a rename, move to the new address once the guard has seen the save.
  const [renamedTo, setRenamedTo] = useState<string | null>(null);
  useEffect(() => {
    if (!renamedTo) return;
    void navigate(paths.metadefNamespace(renamedTo), { replace: true });
    onDone();
  }, [renamedTo, navigate, onDone]);

  const submit = form.handleSubmit((values) => {
    setProblem(null);
    update.mutate(
      { loaded: namespace, changes: values },
      {
        onSuccess: (saved) => {
          toast('success', 'Namespace saved', saved.namespace);
          if (saved.namespace !== namespace.namespace) setRenamedTo(saved.namespace);
          else onDone();
        },
        onError: (error) => {
          const found = namespaceWriteProblem(error, values.namespace);
          if (found.field) form.setError(found.field, { message: found.message }, { shouldFocus: true });
          else setProblem(found.message);
        },
      },
    );
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-3" aria-label="Edit namespace">
      <NamespaceFormFields form={form} nameHint="Renaming moves the namespace to a new address; its properties, objects and tags stay with it." />
      <FormFooter problem={problem} submitLabel="Save" busy={update.isPending} submitDisabled={!form.formState.isDirty} onCancel={onDone} cancelDisabled={update.isPending} />
      <UnsavedChangesDialog guard={guard}>Your changes to this namespace are not saved.</UnsavedChangesDialog>
    </form>
  );
}

/** What the namespace is: visibility, protection, owner, dates and description; admins edit and delete it here. */
export function NamespaceOverviewTab({ namespace: ns, access }: NamespaceTabProps) {
  const [editing, setEditing] = useState(false);
  const { isAdmin } = usePermissions();
  const owners = useQuery(projectNamesQuery(useSession().user.id, isAdmin));
  const ownerName = ns.owner ? owners.data?.get(ns.owner) : undefined;
  const stopEditing = useCallback(() => setEditing(false), []);
  if (editing && access.canEdit) return <OverviewEditForm key={ns.namespace} namespace={ns} onDone={stopEditing} />;
  return (
    <div className="space-y-3">
      <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">Namespace</dt>
        <dd className="font-mono break-all">{ns.namespace}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Display name</dt>
        <dd className="break-words">{ns.display_name || '—'}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Visibility</dt>
        <dd>{ns.visibility ? <Badge tone={ns.visibility === 'public' ? 'info' : 'neutral'}>{ns.visibility}</Badge> : '—'}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Protected</dt>
        <dd>{ns.protected ? <Badge tone="warn">protected</Badge> : 'no'}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Owner</dt>
        <dd className="break-all">
          {ownerName && `${ownerName} `}
          <span className="font-mono text-xs">{ns.owner || '—'}</span>
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Created</dt>
        <dd>{ns.created_at ? formatAbsolute(ns.created_at) : '—'}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Updated</dt>
        <dd>{ns.updated_at ? formatAbsolute(ns.updated_at) : '—'}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Description</dt>
        <dd className="whitespace-pre-line break-words">{ns.description || 'No description.'}</dd>
      </dl>
      {access.canEdit && (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setEditing(true)}>Edit namespace</Button>
          <NamespaceDelete namespace={ns} />
        </div>
      )}
    </div>
  );
}
