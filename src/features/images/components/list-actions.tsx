import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, inputClass } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useBulkAction, type BulkAction, type BulkResult } from '@/features/images/api/image-bulk';
import { downloadImage } from '@/features/images/api/image-download';
import { useDeleteImage, useSetImageActive, useUpdateImage } from '@/features/images/api/image-mutations';
import type { Image } from '@/features/images/api/image-schema';
import { describeError } from '@/lib/api-error';
import { pointer } from '@/lib/json-patch';

const label = (image: Pick<Image, 'id' | 'name'>) => image.name ?? image.id;

function reportError(what: string, error: unknown) {
  const { title, detail } = describeError(error);
  toast('error', `${what}: ${title}`, detail);
}

/** The per-row menu: what the user's role and the image's state allow. */
export function RowActions({ image, canManage, canDownload }: { image: Image; canManage: boolean; canDownload: boolean }) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useDeleteImage();
  const setActive = useSetImageActive();
  const update = useUpdateImage();
  const name = label(image);
  return (
    <>
      <details className="relative inline-block text-left">
        <summary className="cursor-pointer list-none rounded px-1.5 py-0.5 text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-700" aria-label={`Actions for ${name}`}>
          ⋯
        </summary>
        <div role="menu" aria-label={`Actions for ${name}`} className="absolute right-0 z-10 mt-1 flex w-44 flex-col rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <Link role="menuitem" to={paths.image(image.id)} className="px-3 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
            {canManage ? 'Edit' : 'View'}
          </Link>
          {canDownload && (
            <button role="menuitem" type="button" className="px-3 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => void downloadImage(image).catch((error: unknown) => reportError(`Downloading ${name}`, error))}>
              Download
            </button>
          )}
          {canManage && (image.status === 'active' || image.status === 'deactivated') && (
            <button
              role="menuitem"
              type="button"
              className="px-3 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
              onClick={() =>
                setActive.mutate(
                  { id: image.id, active: image.status === 'deactivated' },
                  {
                    onSuccess: () => toast('success', `${name} ${image.status === 'deactivated' ? 'reactivated' : 'deactivated'}`),
                    onError: (error) => reportError(name, error),
                  },
                )
              }
            >
              {image.status === 'deactivated' ? 'Reactivate' : 'Deactivate'}
            </button>
          )}
          {canManage && (
            <button
              role="menuitem"
              type="button"
              className="px-3 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
              onClick={() =>
                update.mutate(
                  { id: image.id, ops: [{ op: 'replace', path: pointer('os_hidden'), value: !image.os_hidden }] },
                  { onSuccess: () => toast('success', `${name} ${image.os_hidden ? 'is listed again' : 'is hidden'}`), onError: (error) => reportError(name, error) },
                )
              }
            >
              {image.os_hidden ? 'Unhide' : 'Hide'}
            </button>
          )}
          {canManage && (
            <button role="menuitem" type="button" className="px-3 py-1 text-left text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/40" onClick={() => setConfirmDelete(true)}>
              Delete…
            </button>
          )}
        </div>
      </details>
      <Dialog
        open={confirmDelete}
        title={image.protected ? `${name} is protected` : `Delete ${name}?`}
        onClose={() => setConfirmDelete(false)}
        footer={
          <>
            <Button onClick={() => setConfirmDelete(false)}>Cancel</Button>
            {image.protected ? (
              <Button
                variant="primary"
                busy={update.isPending}
                onClick={() =>
                  update.mutate(
                    { id: image.id, ops: [{ op: 'replace', path: pointer('protected'), value: false }] },
                    { onSuccess: () => toast('info', `${name} is no longer protected`), onError: (error) => reportError(name, error), onSettled: () => setConfirmDelete(false) },
                  )
                }
              >
                Unprotect
              </Button>
            ) : (
              <Button
                variant="danger"
                busy={remove.isPending}
                onClick={() =>
                  remove.mutate(image.id, {
                    onSuccess: () => toast('success', `${name} deleted`),
                    onError: (error) => reportError(`Deleting ${name}`, error),
                    onSettled: () => setConfirmDelete(false),
                  })
                }
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
    </>
  );
}

const BULK_LABELS: Record<BulkAction['kind'], string> = {
  delete: 'Delete',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  hide: 'Hide',
  unhide: 'Unhide',
  protect: 'Protect',
  unprotect: 'Unprotect',
  'add-tag': 'Add tag',
  'remove-tag': 'Remove tag',
};

/** Each image's outcome of a bulk action; shown by the page, which outlives the selection. */
export function BulkResults({ results, onClose }: { results: BulkResult[] | null; onClose: () => void }) {
  const failed = results?.filter((result) => !result.ok) ?? [];
  return (
    <Dialog
      open={results !== null}
      title={failed.length ? `${failed.length} of ${results?.length ?? 0} failed` : `All ${results?.length ?? 0} done`}
      onClose={onClose}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <ul aria-label="Results" className="max-h-80 space-y-1 overflow-y-auto">
        {results?.map((result) => (
          <li key={result.image.id} className={result.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}>
            <strong>{label(result.image)}</strong>: {result.ok ? 'done' : result.message}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

/** Acts on the selected images; `onFinished` receives each image's outcome. */
export function BulkBar({ images, onFinished }: { images: Image[]; onFinished: (results: BulkResult[]) => void }) {
  const bulk = useBulkAction();
  const [tag, setTag] = useState('');
  const [pending, setPending] = useState<BulkAction | null>(null);
  const [progress, setProgress] = useState(0);
  const run = (action: BulkAction) => {
    setProgress(0);
    bulk.mutate(
      { images, action, onProgress: setProgress },
      {
        onSuccess: (outcome) => {
          setPending(null);
          onFinished(outcome);
        },
      },
    );
  };
  const tagError = tag.length > 255 ? 'At most 255 characters.' : undefined;
  return (
    <div role="region" aria-label="Selected images" className="flex flex-wrap items-end gap-2 rounded-lg border border-sky-200 bg-sky-50 p-2 text-sm dark:border-sky-900 dark:bg-sky-950/40">
      <span className="self-center font-medium">{images.length} selected</span>
      {(['deactivate', 'reactivate', 'hide', 'unhide', 'protect', 'unprotect'] as const).map((kind) => (
        <Button key={kind} size="sm" disabled={bulk.isPending || images.length === 0} onClick={() => run({ kind })}>
          {BULK_LABELS[kind]}
        </Button>
      ))}
      <div className="flex items-end gap-1">
        <Field label="Tag" error={tagError} className="w-36">
          <input className={`${inputClass} py-1`} value={tag} onChange={(event) => setTag(event.target.value)} />
        </Field>
        <Button size="sm" disabled={!tag.trim() || !!tagError || bulk.isPending} onClick={() => run({ kind: 'add-tag', tag: tag.trim() })}>
          Add tag
        </Button>
        <Button size="sm" disabled={!tag.trim() || !!tagError || bulk.isPending} onClick={() => run({ kind: 'remove-tag', tag: tag.trim() })}>
          Remove tag
        </Button>
      </div>
      <Button size="sm" variant="danger" disabled={bulk.isPending || images.length === 0} onClick={() => setPending({ kind: 'delete' })}>
        Delete…
      </Button>
      {bulk.isPending && (
        <progress className="h-2 w-32 self-center" max={images.length} value={progress} aria-label="Progress">
          {progress} of {images.length}
        </progress>
      )}
      <Dialog
        open={pending?.kind === 'delete'}
        title={`Delete ${images.length} images?`}
        onClose={() => setPending(null)}
        footer={
          <>
            <Button onClick={() => setPending(null)}>Cancel</Button>
            <Button variant="danger" busy={bulk.isPending} onClick={() => run({ kind: 'delete' })}>
              Delete {images.length}
            </Button>
          </>
        }
      >
        <p>The images and their data are deleted for good. Protected images are skipped and reported.</p>
      </Dialog>
    </div>
  );
}
