import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useDeleteImage, useSetImageActive, useUpdateImage } from '@/features/images/api/image-mutations';
import { imageLabel, type Image, type Visibility } from '@/features/images/api/image-schema';
import { MembersLoseAccessWarning } from '@/features/members';
import { describeError, isApiError } from '@/lib/api-error';
import { pointer } from '@/lib/json-patch';

interface Confirm {
  title: string;
  body: ReactNode;
  action: string;
  danger?: boolean;
  run: () => Promise<unknown>;
  done: string;
}

const VISIBILITY_NOTES: Record<Visibility, string> = {
  public: 'Every project in the cloud sees it in its image list. Only administrators can publish.',
  community: 'Any project can use it by ID or see it under Community, but it is not in their default list.',
  shared: 'Only projects you add as members can use it, after they accept.',
  private: 'Only your project can use it. A private image cannot have members, so every project it is shared with loses access.',
};

/** Why Glance answered 403 to a deactivate/reactivate, in words. */
function activationRefusal(error: unknown, image: Image, activating: boolean): string | undefined {
  if (!isApiError(error) || error.status !== 403) return undefined;
  if (/not authorized/i.test(error.message)) {
    return `Your role does not allow ${activating ? 'reactivating' : 'deactivating'} this image${
      image.visibility === 'public' || image.visibility === 'community' ? ': for public and community images only administrators can' : ''
    }.`;
  }
  return `Glance refused: only an active image can be deactivated, and only a deactivated one reactivated (this one is ${image.status}). Reload the page to see its current status.`;
}

/** Protect, deactivate, hide, change visibility, delete: each confirmed, each explained. */
export function DetailActions({ image, isAdmin, onDeleted }: { image: Image; isAdmin: boolean; onDeleted?: () => void }) {
  const update = useUpdateImage();
  const setActive = useSetImageActive();
  const remove = useDeleteImage();
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [visibility, setVisibility] = useState<Visibility>(image.visibility);
  const [error, setError] = useState<string | null>(null);
  const name = imageLabel(image);
  const patch = (key: string, value: unknown) => update.mutateAsync({ id: image.id, ops: [{ op: 'replace', path: pointer(key), value }] });
  const ask = (next: Confirm) => {
    setError(null);
    setConfirm(next);
  };
  const run = async () => {
    if (!confirm) return;
    try {
      await confirm.run();
      toast('success', confirm.done);
      setConfirm(null);
    } catch (failure) {
      const { title, detail } = describeError(failure);
      const activation = /deactivat|reactivat/i.test(confirm.action) ? activationRefusal(failure, image, /reactivat/i.test(confirm.action)) : undefined;
      setError(activation ?? `${title}: ${detail}`);
    }
  };
  const canPublish = isAdmin || visibility !== 'public';
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Button
        size="sm"
        onClick={() =>
          ask({
            title: image.protected ? `Unprotect ${name}?` : `Protect ${name}?`,
            body: image.protected ? 'It can then be deleted.' : 'A protected image cannot be deleted until it is unprotected.',
            action: image.protected ? 'Unprotect' : 'Protect',
            run: () => patch('protected', !image.protected),
            done: image.protected ? `${name} is no longer protected` : `${name} is protected`,
          })
        }
      >
        {image.protected ? 'Unprotect' : 'Protect'}
      </Button>
      {(image.status === 'active' || image.status === 'deactivated') && (isAdmin || image.visibility === 'private' || image.visibility === 'shared') && (
        <Button
          size="sm"
          onClick={() =>
            ask({
              title: image.status === 'deactivated' ? `Reactivate ${name}?` : `Deactivate ${name}?`,
              body:
                image.status === 'deactivated'
                  ? 'Its data can be downloaded and booted again.'
                  : 'Nobody but administrators can download or boot it until it is reactivated. Its data is kept.',
              action: image.status === 'deactivated' ? 'Reactivate' : 'Deactivate',
              run: () => setActive.mutateAsync({ id: image.id, active: image.status === 'deactivated' }),
              done: image.status === 'deactivated' ? `${name} reactivated` : `${name} deactivated`,
            })
          }
        >
          {image.status === 'deactivated' ? 'Reactivate' : 'Deactivate'}
        </Button>
      )}
      <Button
        size="sm"
        onClick={() =>
          ask({
            title: image.os_hidden ? `Show ${name} in lists?` : `Hide ${name}?`,
            body: image.os_hidden ? 'It appears in default image lists again.' : 'It stays usable by ID but leaves default image lists (os_hidden).',
            action: image.os_hidden ? 'Unhide' : 'Hide',
            run: () => patch('os_hidden', !image.os_hidden),
            done: image.os_hidden ? `${name} is listed again` : `${name} is hidden`,
          })
        }
      >
        {image.os_hidden ? 'Unhide' : 'Hide'}
      </Button>
      <div className="flex items-end gap-1">
        <Field label="Visibility" className="w-32">
          <select className={`${inputClass} py-1`} value={visibility} onChange={(event) => setVisibility(event.target.value as Visibility)}>
            {(['private', 'shared', 'community', 'public'] as const).map((value) => (
              <option key={value} value={value} disabled={value === 'public' && !isAdmin && image.visibility !== 'public'}>
                {value}
              </option>
            ))}
          </select>
        </Field>
        <Button
          size="sm"
          disabled={visibility === image.visibility || !canPublish}
          onClick={() =>
            ask({
              title: `Make ${name} ${visibility}?`,
              body: (
                <>
                  <p>{VISIBILITY_NOTES[visibility]}</p>
                  {image.visibility === 'shared' && visibility !== 'shared' && <MembersLoseAccessWarning imageId={image.id} to={visibility} />}
                </>
              ),
              action: 'Change visibility',
              run: () => patch('visibility', visibility),
              done: `${name} is now ${visibility}`,
            })
          }
        >
          Apply
        </Button>
      </div>
      <Button
        size="sm"
        variant="danger"
        onClick={() =>
          ask(
            image.protected
              ? {
                  title: `${name} is protected`,
                  body: 'A protected image cannot be deleted. Unprotect it first, then delete it.',
                  action: 'Unprotect',
                  run: () => patch('protected', false),
                  done: `${name} is no longer protected`,
                }
              : {
                  title: `Delete ${name}?`,
                  body: 'The image and its data are deleted for good. Servers already booted from it keep running.',
                  action: 'Delete',
                  danger: true,
                  run: async () => {
                    await remove.mutateAsync(image.id);
                    onDeleted?.();
                    void navigate(paths.images);
                  },
                  done: `${name} deleted`,
                },
          )
        }
      >
        Delete…
      </Button>
      <Dialog
        open={confirm !== null}
        title={confirm?.title ?? ''}
        onClose={() => setConfirm(null)}
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>Cancel</Button>
            <Button variant={confirm?.danger ? 'danger' : 'primary'} busy={update.isPending || setActive.isPending || remove.isPending} onClick={() => void run()}>
              {confirm?.action}
            </Button>
          </>
        }
      >
        <div>{confirm?.body}</div>
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </Dialog>
    </div>
  );
}
