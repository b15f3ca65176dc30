import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { ConfirmDeleteDialog } from '@/features/metadefs/components/confirm-delete-dialog';
import { toast } from '@/components/ui/toast';
import { TagNameTakenError, useDeleteAllTags, useDeleteTag, useRenameTag } from '@/features/metadefs/api/tag-api';
import { tagNameProblem } from '@/features/metadefs/api/tag-rules';
import { describeError, isApiError } from '@/lib/api-error';

/** A failed write as one sentence: Glance's reason and what to do. */
function failureText(error: unknown): string {
  const { title, detail } = describeError(error);
  return `${title}. ${detail}`;
}

function Failure({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="text-red-700 dark:text-red-400">
      {failureText(error)}
    </p>
  );
}

/** Rename one tag in place (PUT …/tags/{old}); a name already taken, in any case, is refused by Glance. */
export function RenameTagDialog({ namespace, tag, onClose }: { namespace: string; tag: string | null; onClose: () => void }) {
  const rename = useRenameTag(namespace);
  const schema = useMemo(
    () =>
      z.object({
        name: z
          .string()
          .trim()
          .superRefine((name, context) => {
            const problem = name === tag ? 'Enter a different name.' : tagNameProblem(name);
            if (problem) context.addIssue({ code: 'custom', message: problem });
          }),
      }),
    [tag],
  );
  const form = useForm({ resolver: zodResolver(schema), values: { name: tag ?? '' } });
  const close = () => {
    rename.reset();
    onClose();
  };
  const onSubmit = form.handleSubmit(async ({ name }) => {
    if (tag === null) return;
    try {
      await rename.mutateAsync({ from: tag, to: name });
      toast('success', `Renamed tag ${tag} to ${name}`);
      close();
    } catch (error) {
      const taken = error instanceof TagNameTakenError ? error.taken : isApiError(error) && error.status === 409 ? name : undefined;
      if (taken !== undefined) form.setError('name', { message: `A tag named ${taken} already exists in this namespace (tag names are compared without case). Pick another name.` });
    }
  });
  return (
    <Dialog
      open={tag !== null}
      title={`Rename tag ${tag ?? ''}`}
      onClose={close}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" form="rename-tag-form" variant="primary" busy={form.formState.isSubmitting}>
            Rename
          </Button>
        </>
      }
    >
      <form id="rename-tag-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field label="New name" error={form.formState.errors.name?.message}>
          <input className={inputClass} spellCheck={false} {...form.register('name')} />
        </Field>
      </form>
      {!(rename.error instanceof TagNameTakenError || (isApiError(rename.error) && rename.error.status === 409)) && <Failure error={rename.error} />}
    </Dialog>
  );
}

/** Confirms and deletes one tag. */
export function DeleteTagDialog({ namespace, tag, onClose }: { namespace: string; tag: string | null; onClose: () => void }) {
  const remove = useDeleteTag(namespace);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDeleteDialog
      target={tag === null ? undefined : `tag ${tag}`}
      busy={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() =>
        tag !== null &&
        remove.mutate(tag, {
          onSuccess: () => {
            toast('success', `Deleted tag ${tag}`);
            close();
          },
        })
      }
    >
      Resources tagged with it keep the tag; it is only no longer offered from this namespace.
    </ConfirmDeleteDialog>
  );
}

/** Deletes every tag of the namespace, once the namespace's name is typed. */
export function DeleteAllTagsDialog({ namespace, open, onClose }: { namespace: string; open: boolean; onClose: () => void }) {
  const removeAll = useDeleteAllTags(namespace);
  const [typed, setTyped] = useState('');
  const close = () => {
    setTyped('');
    removeAll.reset();
    onClose();
  };
  const run = async () => {
    await removeAll.mutateAsync().then(
      () => {
        toast('success', `Deleted every tag of ${namespace}`);
        close();
      },
      () => undefined,
    );
  };
  return (
    <Dialog
      open={open}
      title="Delete all tags?"
      onClose={close}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" disabled={typed !== namespace} busy={removeAll.isPending} onClick={() => void run()}>
            Delete all tags
          </Button>
        </>
      }
    >
      <p>Every tag of this namespace goes, in one request that cannot be undone.</p>
      <Field label={`Type ${namespace} to confirm`}>
        <input className={inputClass} spellCheck={false} autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
      </Field>
      <Failure error={removeAll.error} />
    </Dialog>
  );
}
