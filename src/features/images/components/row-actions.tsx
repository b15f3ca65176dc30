import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { MoreIcon } from '@/components/ui/icons';
import { Menu, MenuItem, MenuLink } from '@/components/ui/menu';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { skipReason } from '@/features/images/api/bulk-rules';
import { useDeleteImage, useSetImageActive, useUpdateImage } from '@/features/images/api/image-mutations';
import { imageLabel, type Image } from '@/features/images/api/image-schema';
import { downloadFromClick } from '@/features/images/components/download-action';
import { reportError } from '@/features/images/components/list-actions';
import { pointer } from '@/lib/json-patch';

type Confirm = 'activation' | 'hide' | 'delete';

/**
 * The per-row menu: what the user's role and the image's state allow. A long page renders
 * hundreds of these while scrolling, so the row holds only the menu: the mutations and the
 * confirmation are mounted when an action is chosen.
 */
export function RowActions({ image, canManage, canDownload }: { image: Image; canManage: boolean; canDownload: boolean }) {
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const name = imageLabel(image);
  const activating = image.status === 'deactivated';
  const canToggleActive = canManage && !skipReason(image, { kind: activating ? 'reactivate' : 'deactivate' });
  return (
    <>
      <Menu label={`Actions for ${name}`} trigger={<MoreIcon />}>
        {/* Edit opens the detail page with its form open; readers only view. */}
        <MenuLink to={canManage ? paths.imageEdit(image.id) : paths.image(image.id)}>{canManage ? 'Edit' : 'View'}</MenuLink>
        {/* Ranged, resumable and verified, in the transfer tray. */}
        {canDownload && <MenuItem onSelect={() => downloadFromClick(image)}>Download</MenuItem>}
        {canToggleActive && <MenuItem onSelect={() => setConfirm('activation')}>{activating ? 'Reactivate…' : 'Deactivate…'}</MenuItem>}
        {canManage && <MenuItem onSelect={() => setConfirm('hide')}>{image.os_hidden ? 'Unhide…' : 'Hide…'}</MenuItem>}
        {canManage && (
          <MenuItem danger onSelect={() => setConfirm('delete')}>
            Delete…
          </MenuItem>
        )}
      </Menu>
      {confirm && <RowConfirm image={image} kind={confirm} onClose={() => setConfirm(null)} />}
    </>
  );
}

/** The confirmation of one row action, with the mutation it runs. */
function RowConfirm({ image, kind, onClose }: { image: Image; kind: Confirm; onClose: () => void }) {
  const remove = useDeleteImage();
  const setActive = useSetImageActive();
  const update = useUpdateImage();
  const name = imageLabel(image);
  const patch = (field: 'os_hidden' | 'protected', value: boolean, done: string) =>
    update.mutate(
      { id: image.id, ops: [{ op: 'replace', path: pointer(field), value }] },
      { onSuccess: () => toast('success', `${name} ${done}`), onError: (error) => reportError(name, error), onSettled: onClose },
    );
  const cancel = <Button onClick={onClose}>Cancel</Button>;

  if (kind === 'activation') {
    const activating = image.status === 'deactivated';
    return (
      <Dialog
        open
        title={activating ? `Reactivate ${name}?` : `Deactivate ${name}?`}
        onClose={onClose}
        footer={
          <>
            {cancel}
            <Button
              variant="primary"
              busy={setActive.isPending}
              onClick={() =>
                setActive.mutate(
                  { id: image.id, active: activating },
                  { onSuccess: () => toast('success', `${name} ${activating ? 'reactivated' : 'deactivated'}`), onError: (error) => reportError(name, error), onSettled: onClose },
                )
              }
            >
              {activating ? 'Reactivate' : 'Deactivate'}
            </Button>
          </>
        }
      >
        <p>{activating ? 'Its data can be downloaded and booted again.' : 'Nobody but administrators can download or boot it until it is reactivated. Its data is kept.'}</p>
      </Dialog>
    );
  }
  if (kind === 'hide') {
    const hiding = !image.os_hidden;
    return (
      <Dialog
        open
        title={hiding ? `Hide ${name}?` : `Show ${name} in lists?`}
        onClose={onClose}
        footer={
          <>
            {cancel}
            <Button variant="primary" busy={update.isPending} onClick={() => patch('os_hidden', hiding, hiding ? 'is hidden' : 'is listed again')}>
              {hiding ? 'Hide' : 'Unhide'}
            </Button>
          </>
        }
      >
        <p>{hiding ? 'Hidden images stay usable by ID but leave the default image lists (Nova’s and Loupe’s).' : 'It appears in the default image lists again.'}</p>
      </Dialog>
    );
  }
  return (
    <Dialog
      open
      title={image.protected ? `${name} is protected` : `Delete ${name}?`}
      onClose={onClose}
      footer={
        <>
          {cancel}
          {image.protected ? (
            <Button variant="primary" busy={update.isPending} onClick={() => patch('protected', false, 'is no longer protected')}>
              Unprotect
            </Button>
          ) : (
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() => remove.mutate(image.id, { onSuccess: () => toast('success', `${name} deleted`), onError: (error) => reportError(`Deleting ${name}`, error), onSettled: onClose })}
            >
              Delete
            </Button>
          )}
        </>
      }
    >
      {image.protected ? (
        <p>A protected image cannot be deleted. Unprotect it first; then you can delete it.</p>
      ) : (
        <p>The image and its data are deleted for good. Servers already booted from it keep running.</p>
      )}
    </Dialog>
  );
}
