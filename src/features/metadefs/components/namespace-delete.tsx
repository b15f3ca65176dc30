import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import type { Namespace } from '@/features/metadefs/api/metadef-schema';
import { isProtectedRefusal, useDeleteNamespace } from '@/features/metadefs/api/namespace-mutations';
import { describeError } from '@/lib/api-error';

/**
 * Deletes a namespace with everything in it, after a confirmation. Glance refuses to delete a
 * protected namespace (403) until protection is off, so for one the dialog says so and offers
 * to turn protection off and delete, in one step.
 */
export function NamespaceDelete({ namespace }: { namespace: Namespace }) {
  const [open, setOpen] = useState(false);
  // Glance said "protected" although the loaded copy was not (someone protected it meanwhile).
  const [refused, setRefused] = useState(false);
  const remove = useDeleteNamespace();
  const navigate = useNavigate();
  const isProtected = Boolean(namespace.protected) || refused;
  const name = namespace.namespace;

  const close = () => {
    setOpen(false);
    setRefused(false);
    remove.reset();
  };
  const run = () =>
    remove.mutate(
      { namespace: { ...namespace, protected: isProtected }, unprotectFirst: isProtected },
      {
        onSuccess: () => {
          toast('success', 'Namespace deleted', name);
          void navigate(paths.metadefs);
        },
        onError: (error) => {
          if (!isProtected && isProtectedRefusal(error)) setRefused(true);
        },
      },
    );
  const failure = remove.error && !(refused && isProtectedRefusal(remove.error)) ? describeError(remove.error) : undefined;

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete namespace
      </Button>
      <Dialog
        open={open}
        title={isProtected ? `${name} is protected` : `Delete ${name}?`}
        onClose={remove.isPending ? undefined : close}
        footer={
          <>
            <Button onClick={close} disabled={remove.isPending}>
              Cancel
            </Button>
            <Button variant="danger" busy={remove.isPending} onClick={run}>
              {isProtected ? 'Unprotect and delete' : 'Delete'}
            </Button>
          </>
        }
      >
        {isProtected ? (
          <>
            <p>
              Glance does not delete a protected namespace: protection has to be turned off first. Loupe can do both now: turn protection off (keeping every other
              field), then delete the namespace.
            </p>
            <p>Its properties, objects, tags and resource type associations are deleted with it. This cannot be undone.</p>
          </>
        ) : (
          <p>The namespace is deleted with its properties, objects, tags and resource type associations. This cannot be undone.</p>
        )}
        {failure && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {failure.title}: {failure.detail}
          </p>
        )}
      </Dialog>
    </>
  );
}
