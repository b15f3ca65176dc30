import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { useMakeShared, useMemberWrites, type MemberTargetRef, type MemberWriteResult } from '@/features/members/api/member-mutations';
import type { MemberImage } from '@/features/members/api/member-schema';
import { nameProjects } from '@/features/members/api/member-status';
import { resolveTargets, splitTargets, type MemberTarget } from '@/features/members/api/member-targets';
import { describeError } from '@/lib/api-error';
import { imageLabel } from '@/lib/image-ref';
import { MemberResults } from '@/features/members/components/member-results';

/** Why sharing needs the switch, for each visibility an image can have before it. */
const BEFORE_SHARING: Record<string, string> = {
  private: 'Only your project can use it now.',
  public: 'Every project can use it now; once shared, only the projects you add can (after they accept).',
  community: 'Any project can use it by ID now; once shared, only the projects you add can (after they accept).',
};

interface AddMembersDialogProps {
  image: MemberImage;
  open: boolean;
  onClose: () => void;
  /** Project names this user may look up, by ID. */
  projectNames: ReadonlyMap<string, string>;
  /** Project IDs already on the member list. */
  members: ReadonlySet<string>;
  /** The names are still being looked up: adding waits, or a name would be refused as unknown. */
  namesLoading?: boolean;
}

const resolvedOnly = (targets: MemberTarget[]): MemberTargetRef[] =>
  targets.flatMap((target) => ('projectId' in target ? [{ projectId: target.projectId, label: target.name ?? target.projectId }] : []));

/**
 * Add several projects at once, by name (where this user can look them up) or by ID, with a
 * result per project. An image that is not shared is made shared in the same flow, after
 * saying what that changes.
 */
export function AddMembersDialog({ image, open, onClose, projectNames, members, namesLoading = false }: AddMembersDialogProps) {
  const { add } = useMemberWrites(image.id);
  const makeShared = useMakeShared(image.id);
  const [results, setResults] = useState<MemberWriteResult[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const needsSwitch = image.visibility !== 'shared';
  const name = imageLabel(image);

  const schema = useMemo(
    () =>
      z.object({
        projects: z
          .string()
          .trim()
          .min(1, 'Enter at least one project name or ID.')
          .superRefine((value, context) => {
            const problems = resolveTargets(splitTargets(value), { projects: projectNames, members, ownerId: image.owner }).flatMap((target) =>
              'error' in target ? [target.error] : [],
            );
            if (problems.length) context.addIssue({ code: 'custom', message: problems.join(' ') });
          }),
      }),
    [projectNames, members, image.owner],
  );
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { projects: '' } });

  const close = () => {
    form.reset();
    setResults(null);
    setFailure(null);
    onClose();
  };

  const onSubmit = form.handleSubmit(async ({ projects }) => {
    setFailure(null);
    const targets = resolvedOnly(resolveTargets(splitTargets(projects), { projects: projectNames, members, ownerId: image.owner }));
    if (needsSwitch) {
      try {
        await makeShared.mutateAsync();
      } catch (error) {
        const { title, detail } = describeError(error);
        setFailure(`Could not make ${name} shared, so no project was added. ${title}: ${detail}`);
        return;
      }
    }
    const outcome = await add.mutateAsync(targets);
    const failed = outcome.filter((result) => !result.ok);
    if (failed.length === 0) {
      toast('success', `Shared ${name} with ${nameProjects(outcome.map((result) => result.label))}`, 'Each project sees it as waiting for an answer until it accepts.');
      close();
      return;
    }
    setResults(outcome);
    // What failed goes back into the field, ready to correct and send again.
    form.reset({ projects: failed.map((result) => result.projectId).join(', ') });
  });

  return (
    <Dialog
      open={open}
      title={needsSwitch ? `Share ${name}` : `Add members to ${name}`}
      onClose={close}
      footer={
        <>
          <Button onClick={close}>{results ? 'Close' : 'Cancel'}</Button>
          <Button type="submit" form="add-members-form" variant="primary" busy={form.formState.isSubmitting || namesLoading}>
            {needsSwitch ? 'Make shared and add' : 'Add'}
          </Button>
        </>
      }
    >
      {needsSwitch && (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-200">
          <p>
            Only an image with visibility <strong>shared</strong> can have members, and {name} is <strong>{image.visibility}</strong>.{' '}
            {BEFORE_SHARING[image.visibility] ?? ''}
          </p>
          <p className="mt-1">Adding members switches its visibility to shared first.</p>
        </div>
      )}
      <form id="add-members-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field
          label="Projects"
          hint={
            namesLoading
              ? 'Looking up the project names you can use…'
              : 'Project names or IDs, separated by commas or new lines. Names work for the projects you can look up; for any other project, ask its members for the ID.'
          }
          error={form.formState.errors.projects?.message}
        >
          <textarea className={inputClass} rows={3} spellCheck={false} {...form.register('projects')} />
        </Field>
      </form>
      {failure && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {failure}
        </p>
      )}
      {results && <MemberResults results={results} done="added" />}
    </Dialog>
  );
}
