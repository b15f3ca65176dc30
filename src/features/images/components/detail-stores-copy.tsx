import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { imageKeys } from '@/features/images/api/image-keys';
import { imageQueries } from '@/features/images/api/image-queries';
import { imageLabel, type Image } from '@/features/images/api/image-schema';
import {
  copyFormSchema,
  copyOutcome,
  explainCopyError,
  storeList,
  useCopyImageToStores,
  type CopyFormValues,
  type CopyOutcome,
  type ImageStoreRow,
} from '@/features/images/api/image-stores';
import { transfers } from '@/features/transfers';

const POLL_MS = 2000;

/** A copy this page asked for: followed through its task (the import call's request id) and the image. */
export interface CopyRequest {
  stores: string[];
  /** X-Openstack-Request-Id of the import call = the task's request_id. */
  requestId: string | undefined;
  /** Stores in os_glance_failed_import before the copy (Glance clears them when the task starts). */
  staleFailures: string[];
}

export interface CopyProgress {
  outcome: CopyOutcome;
  settled: boolean;
  /** The copy task's status message ("Copied 15 MiB") or, on failure, Glance's reason. */
  message: string | null | undefined;
}

/**
 * Follows a copy until it settles: polls the image's tasks for the one the import call started,
 * and the image (its `stores`, `os_glance_importing_to_stores`, `os_glance_failed_import`).
 * Without a request id, the image alone tells when every store is copied or failed.
 */
export function useCopyProgress(image: Image, copy: CopyRequest | null): CopyProgress | null {
  const queryClient = useQueryClient();
  const requestId = copy?.requestId;
  const tasks = useQuery({
    ...imageQueries.tasks(image.id),
    enabled: requestId !== undefined,
    refetchInterval: (query) => {
      const task = query.state.data?.find((candidate) => candidate.request_id === requestId);
      return task?.status === 'success' || task?.status === 'failure' ? false : POLL_MS;
    },
  });
  const task = requestId === undefined ? undefined : tasks.data?.find((candidate) => candidate.request_id === requestId);
  const taskDone = task?.status === 'success' || task?.status === 'failure';
  const outcome = copy ? copyOutcome(image, copy.stores, taskDone ? [] : copy.staleFailures) : null;
  // Once the task is done, a store it did not copy to has failed, whatever the image says yet.
  const settledOutcome = outcome && taskDone ? { copied: outcome.copied, failed: [...outcome.failed, ...outcome.pending], pending: [] } : outcome;
  const settled = copy !== null && (taskDone || (requestId === undefined && outcome?.pending.length === 0));
  useQuery({ ...imageQueries.detail(image.id), enabled: copy !== null && !settled, refetchInterval: POLL_MS });
  // The task finishes after the image was updated: read the image once more for its final stores.
  useEffect(() => {
    if (taskDone) void queryClient.invalidateQueries({ queryKey: imageKeys.detail(image.id) });
  }, [taskDone, queryClient, image.id]);
  if (!copy || !settledOutcome) return null;
  return { outcome: settledOutcome, settled, message: task?.message };
}

/** What the copy came to, in words: progress while it runs, then the result (failures as an alert). */
export function CopyStatus({ progress }: { progress: CopyProgress }) {
  const { outcome, settled, message } = progress;
  if (!settled) {
    return (
      <p role="status" className="text-sm text-sky-800 dark:text-sky-300">
        Copying to {outcome.pending.join(', ')}…{message ? ` Glance: ${message}` : ''}
        {outcome.copied.length > 0 && ` Already copied to ${outcome.copied.join(', ')}.`}
      </p>
    );
  }
  return (
    <div className="space-y-1 text-sm">
      {outcome.copied.length > 0 && (
        <p role="status" className="text-emerald-800 dark:text-emerald-300">
          Copied to {outcome.copied.join(', ')}.
        </p>
      )}
      {outcome.failed.length > 0 && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          The copy to {outcome.failed.join(', ')} failed.{message ? ` Glance said: “${message}”` : ' Glance gave no reason; see the Tasks section.'} Try again, or
          choose another store.
        </p>
      )}
    </div>
  );
}

interface CopyFormProps {
  image: Image;
  targets: readonly ImageStoreRow[];
  onStarted: (copy: CopyRequest) => void;
  /** A refusal in words, or null when a new attempt starts (shown by the section: the form may go once the image is re-read). */
  onFailure: (message: string | null) => void;
}

/** The copy form: tick the stores to copy to (each one the image is not in yet), then Copy. */
export function CopyToStoresForm({ image, targets, onStarted, onFailure }: CopyFormProps) {
  const copy = useCopyImageToStores();
  const legendId = useId();
  const errorId = useId();
  const targetIds = targets.map((target) => target.id);
  const targetKey = targetIds.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt when the set of targets changes, not per render
  const schema = useMemo(() => copyFormSchema(targetIds), [targetKey]);
  const form = useForm<CopyFormValues>({ resolver: zodResolver(schema), defaultValues: { stores: [] } });
  const submit = form.handleSubmit(async ({ stores }) => {
    onFailure(null);
    try {
      const requestId = await copy.mutateAsync({ id: image.id, stores });
      form.reset({ stores: [] });
      onStarted({ stores, requestId, staleFailures: storeList(image.os_glance_failed_import) });
      // The tray follows the copy too, so it stays in sight on other pages.
      transfers.startImport({ imageId: image.id, imageName: imageLabel(image), method: 'copy-image', stores, allStoresMustSucceed: true, requestId });
      toast('success', `Copying ${imageLabel(image)} to ${stores.join(', ')}`, 'Follow it here or in the transfers tray.');
    } catch (error) {
      onFailure(explainCopyError(error, stores));
    }
  });
  const fieldError = form.formState.errors.stores?.message;
  return (
    <form aria-labelledby={legendId} className="space-y-2" noValidate onSubmit={(event) => void submit(event)}>
      <Controller
        control={form.control}
        name="stores"
        render={({ field }) => (
          <fieldset aria-describedby={fieldError ? errorId : undefined} aria-invalid={fieldError ? true : undefined}>
            <legend id={legendId} className="text-xs font-medium text-slate-700 dark:text-slate-300">
              Copy to more stores
            </legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {targets.map((target) => (
                <label key={target.id} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    checked={field.value.includes(target.id)}
                    onChange={(event) =>
                      field.onChange(event.target.checked ? [...field.value, target.id] : field.value.filter((store) => store !== target.id))
                    }
                  />
                  <span className="break-all">
                    {target.id}
                    {target.description && <span className="text-slate-500 dark:text-slate-400"> — {target.description}</span>}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
      />
      {fieldError && (
        <p id={errorId} className="text-xs text-red-700 dark:text-red-400">
          {fieldError}
        </p>
      )}
      <Button type="submit" size="sm" variant="primary" busy={copy.isPending}>
        Copy
      </Button>
    </form>
  );
}
