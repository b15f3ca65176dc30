import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { imageKeys } from '@/features/images/api/image-keys';
import { imageWritten } from '@/features/images/api/image-mutations';
import type { Image } from '@/features/images/api/image-schema';
import { describeError, isApiError } from '@/lib/api-error';
import { glance } from '@/lib/glance';

// Multi-store clouds (GET /v2/info/stores answers): which stores hold an image's data, copying
// it to more (copy-image import) and deleting it from one (DELETE /v2/stores/{store}/{image}).
// Both writes are admin-only by default (policies copy_image and delete_image_location).

/** A store as GET /v2/info/stores lists it (discoveryQueries.stores()); Glance's booleans are strings. */
export interface CloudStore {
  id: string;
  description?: string | undefined;
  default?: unknown;
  [key: string]: unknown;
}

const isTrue = (value: unknown) => value === true || value === 'true';

/** Glance's comma-separated store lists (`stores`, `os_glance_importing_to_stores`, `os_glance_failed_import`). */
export function storeList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((store) => store.trim())
    .filter((store) => store.length > 0);
}

/** Where one store stands for one image. */
export type StoreState = 'has-data' | 'copying' | 'failed' | 'none';

export interface ImageStoreRow {
  id: string;
  description: string | undefined;
  isDefault: boolean;
  readOnly: boolean;
  /** false for a store the image names that this Glance no longer lists. */
  configured: boolean;
  state: StoreState;
}

/**
 * One row per store of the cloud (and per store the image names that the cloud no longer
 * lists): does it hold the image's data, is a copy to it under way, did one fail. `copying`
 * adds stores a copy was asked for that Glance has not reported on yet.
 */
export function imageStoreRows(image: Image, cloudStores: readonly CloudStore[], copying: readonly string[] = []): ImageStoreRow[] {
  const holding = new Set(storeList(image.stores));
  const importing = new Set([...storeList(image.os_glance_importing_to_stores), ...copying]);
  const failed = new Set(storeList(image.os_glance_failed_import));
  const stateOf = (id: string): StoreState =>
    holding.has(id) ? 'has-data' : importing.has(id) ? 'copying' : failed.has(id) ? 'failed' : 'none';
  const rows: ImageStoreRow[] = cloudStores.map((store) => ({
    id: store.id,
    description: store.description,
    isDefault: isTrue(store.default),
    readOnly: isTrue(store['read-only']),
    configured: true,
    state: stateOf(store.id),
  }));
  for (const id of holding) {
    if (!rows.some((row) => row.id === id)) rows.push({ id, description: undefined, isDefault: false, readOnly: false, configured: false, state: 'has-data' });
  }
  return rows;
}

/** Stores an image can still be copied to: configured, writable, without its data, no copy under way. */
export function copyTargets(rows: readonly ImageStoreRow[]): ImageStoreRow[] {
  return rows.filter((row) => row.configured && !row.readOnly && (row.state === 'none' || row.state === 'failed'));
}

/** Glance refuses to delete the last copy (403): a store's data can go only while another store holds it too. */
export function canDeleteFrom(rows: readonly ImageStoreRow[], store: string): boolean {
  return rows.some((row) => row.id === store && row.state === 'has-data') && rows.filter((row) => row.state === 'has-data').length > 1;
}

/** What became of the stores a copy was asked for, read from the image. */
export interface CopyOutcome {
  copied: string[];
  failed: string[];
  /** Neither in `stores` nor (freshly) failed yet. */
  pending: string[];
}

/**
 * `staleFailures`: stores that were in os_glance_failed_import before this copy was asked.
 * Glance clears them only once the copy task starts, so until then they do not count as failed.
 */
export function copyOutcome(image: Image, requested: readonly string[], staleFailures: readonly string[] = []): CopyOutcome {
  const holding = new Set(storeList(image.stores));
  const importing = new Set(storeList(image.os_glance_importing_to_stores));
  const failed = new Set(storeList(image.os_glance_failed_import).filter((store) => !staleFailures.includes(store)));
  const outcome: CopyOutcome = { copied: [], failed: [], pending: [] };
  for (const store of requested) {
    if (holding.has(store)) outcome.copied.push(store);
    else if (failed.has(store) && !importing.has(store)) outcome.failed.push(store);
    else outcome.pending.push(store);
  }
  return outcome;
}

/**
 * Whether Glance is still working on the image: it lists stores it imports to, or holds the
 * import lock. After a copy was accepted Glance may take a moment to say so, and a task that
 * died says nothing at all; the caller gives up waiting after a while when this stays false.
 */
export function copyInProgress(image: Image): boolean {
  return storeList(image.os_glance_importing_to_stores).length > 0 || (typeof image.os_glance_import_task === 'string' && image.os_glance_import_task !== '');
}

// ---------------------------------------------------------------- the two writes

const imagePath = (id: string) => `v2/images/${encodeURIComponent(id)}`;

/**
 * POST /v2/images/{id}/import with copy-image: 202, the copy then runs as a task whose
 * request_id is this call's X-Openstack-Request-Id (returned, when the answer carries it).
 */
export async function copyImageToStores(id: string, stores: readonly string[]): Promise<string | undefined> {
  const response = await glance().send(`${imagePath(id)}/import`, {
    method: 'POST',
    json: { method: { name: 'copy-image' }, stores, all_stores_must_succeed: true },
  });
  return response.headers.get('x-openstack-request-id') ?? undefined;
}

/** DELETE /v2/stores/{store}/{image}: the image keeps its data in its other stores. */
export async function deleteImageFromStore(id: string, store: string): Promise<void> {
  await glance().send(`v2/stores/${encodeURIComponent(store)}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useCopyImageToStores() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, stores }: { id: string; stores: readonly string[] }) => copyImageToStores(id, stores),
    onSettled: async (_, __, { id }) => {
      await imageWritten(queryClient, { id });
      await queryClient.invalidateQueries({ queryKey: imageKeys.tasks(id) });
    },
  });
}

export function useDeleteImageFromStore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, store }: { id: string; store: string }) => deleteImageFromStore(id, store),
    onSettled: (_, __, { id }) => imageWritten(queryClient, { id }),
  });
}

/** The copy form: the stores to copy to, each one the image can still go to. */
export function copyFormSchema(targets: readonly string[]) {
  return z.object({
    stores: z
      .array(z.string())
      .min(1, 'Choose at least one store to copy the image to.')
      .refine((stores) => stores.every((store) => targets.includes(store)), 'The image is already in that store, or a copy to it is under way. Reload the page.'),
  });
}
export type CopyFormValues = z.infer<ReturnType<typeof copyFormSchema>>;

// ---------------------------------------------------------------- errors in words

const glanceSaid = (error: unknown) => (isApiError(error) && error.message ? ` Glance said: “${error.message}”` : '');

/** Why a copy was refused, and what to do; Glance's own words follow. */
export function explainCopyError(error: unknown, stores: readonly string[]): string {
  const names = stores.join(', ');
  if (isApiError(error)) {
    const message = error.message;
    if (error.status === 403 && /not authorized/i.test(message)) return `Only administrators can copy an image to other stores.${glanceSaid(error)}`;
    if (error.status === 409 && /in progress|lock/i.test(message)) {
      return `Another import or copy of this image is still running. Wait until it finishes (see Tasks), then try again.${glanceSaid(error)}`;
    }
    if (error.status === 400 && /already present/i.test(message)) return `The image is already in ${names}. Reload the page to see its stores.${glanceSaid(error)}`;
    if (error.status === 409 && /store/i.test(message)) return `Glance does not know a store you chose (${names}): its configuration may have changed. Reload the page to see the stores.${glanceSaid(error)}`;
    if (error.status === 409) return `Glance copies only active images; reload the page to see this image's status.${glanceSaid(error)}`;
  }
  const { title, detail } = describeError(error);
  return `Copying to ${names} failed. ${title}: ${detail}`;
}

/** Why deleting a store's data was refused, and what to do; Glance's own words follow. */
export function explainDeleteError(error: unknown, store: string): string {
  if (isApiError(error)) {
    const message = error.message;
    if (error.status === 403 && /only store/i.test(message)) {
      return `${store} holds the image's only copy, and Glance keeps the last one. Copy the image to another store first, or delete the whole image.${glanceSaid(error)}`;
    }
    if (error.status === 403) return `Only administrators can delete an image's data from a store.${glanceSaid(error)}`;
    if (error.status === 404) return `The image has no data in ${store} any more (it may have been removed meanwhile). Reload the page to see its stores.${glanceSaid(error)}`;
    if (error.status === 409 && /not available/i.test(message)) return `Store ${store} is not available on this Glance: its configuration may have changed. Reload the page.${glanceSaid(error)}`;
    if (error.status === 409) return `Glance deletes a store's data only while the image is active and not in use. Reload the page to see its status.${glanceSaid(error)}`;
  }
  const { title, detail } = describeError(error);
  return `Deleting the data in ${store} failed. ${title}: ${detail}`;
}
