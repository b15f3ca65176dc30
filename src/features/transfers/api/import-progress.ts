// Following an import: Glance works on its own after POST /import, so Loupe polls the image
// (status, os_glance_importing_to_stores, os_glance_failed_import) and its tasks
// (GET /v2/images/{id}/tasks), and reads them with interpretImportProgress (pure, tested).
import { z } from 'zod';
import { cleanServerMessage, isApiError } from '@/lib/api-error';
import { glance } from '@/lib/glance';

/** The fields of an image that transfers read; everything else passes through. */
export const transferImageSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable().optional(),
  status: z.string(),
  size: z.number().nullable().optional(),
  checksum: z.string().nullable().optional(),
  os_hash_algo: z.string().nullable().optional(),
  os_hash_value: z.string().nullable().optional(),
  stores: z.string().optional(),
  os_glance_importing_to_stores: z.string().optional(),
  os_glance_failed_import: z.string().optional(),
});
export type TransferImage = z.infer<typeof transferImageSchema>;

const imageTaskSchema = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  status: z.string(),
  message: z.string().nullable().optional(),
  request_id: z.string().nullable().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type ImageTask = z.infer<typeof imageTaskSchema>;
const imageTasksSchema = z.looseObject({ tasks: z.array(imageTaskSchema) });

const imagePath = (imageId: string) => `v2/images/${encodeURIComponent(imageId)}`;

export function fetchTransferImage(imageId: string, signal?: AbortSignal): Promise<TransferImage> {
  return glance().json(imagePath(imageId), transferImageSchema, { signal });
}

/** The image's tasks, or null where the server has no such endpoint (before 2.12). */
export async function fetchImageTasks(imageId: string, signal?: AbortSignal): Promise<ImageTask[] | null> {
  try {
    return (await glance().json(`${imagePath(imageId)}/tasks`, imageTasksSchema, { signal })).tasks;
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

/** Glance's comma lists ("store1,store2", and '' once an import finished). */
export function storeList(value: string | null | undefined): string[] {
  return (value ?? '').split(',').map((store) => store.trim()).filter(Boolean);
}

export interface ImportObservation {
  image: TransferImage;
  /** null when the tasks endpoint does not exist. */
  tasks: readonly ImageTask[] | null;
  /** The x-openstack-request-id of our POST /import: Glance copies it onto the task. */
  requestId?: string | undefined;
  method: 'glance-direct' | 'web-download' | 'copy-image';
  allStoresMustSucceed?: boolean | undefined;
  /** The image has been seen `importing` since the import was requested. */
  sawImporting: boolean;
  /** Milliseconds since the import was requested. */
  elapsedMs: number;
}

export interface ImportProgress {
  outcome: 'pending' | 'done' | 'failed';
  /** Glance's own words: the task's message ("Copied 15 MiB"), or why it failed. */
  message?: string;
  /** Bytes Glance reports having copied so far, from the task message. */
  bytesCopied?: number;
  importingTo: string[];
  failedStores: string[];
  stores: string[];
}

/** Glance leaves an import waiting in `queued` without a task for no longer than this. */
export const IMPORT_START_TIMEOUT_MS = 120_000;

const COPIED = /Copied\s+(\d+)\s*MiB/i;

function ourTask(tasks: readonly ImageTask[], requestId: string | undefined): ImageTask | undefined {
  const mine = requestId ? tasks.find((task) => task.request_id === requestId) : undefined;
  if (mine) return mine;
  // Without a matching request id (a proxy may replace it), the newest import task.
  const imports = tasks.filter((task) => !task.type || task.type === 'api_image_import');
  return imports.sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''))[0];
}

/** Reads one poll of the image and its tasks as: still going, done, or failed (with Glance's words). */
export function interpretImportProgress(observation: ImportObservation): ImportProgress {
  const { image, tasks, requestId, method, allStoresMustSucceed, sawImporting, elapsedMs } = observation;
  const importingTo = storeList(image.os_glance_importing_to_stores);
  const failedStores = storeList(image.os_glance_failed_import);
  const stores = storeList(image.stores);
  const task = tasks ? ourTask(tasks, requestId) : undefined;
  const taskMessage = task?.message ? cleanServerMessage(task.message) : '';
  const copied = COPIED.exec(taskMessage);
  const base = { importingTo, failedStores, stores, ...(copied ? { bytesCopied: Number(copied[1]) * 1024 * 1024 } : {}) };
  const failed = (message: string): ImportProgress => ({ ...base, outcome: 'failed', message });

  if (task?.status === 'failure') {
    return failed(taskMessage || `Glance's import task ${task.id} failed without saying why. Ask your operator to check its log.`);
  }
  if (['killed', 'deleted', 'pending_delete'].includes(image.status)) {
    return failed(`Glance set the image to ${image.status}${taskMessage ? `: ${taskMessage}` : ''}.`);
  }
  // Glance's all_stores_must_succeed defaults to true: then one failed store fails the import.
  const everyStoreMust = allStoresMustSucceed !== false;
  const nothingLeft = importingTo.length === 0 && image.status !== 'active';
  if (failedStores.length > 0 && (everyStoreMust || nothingLeft)) {
    const which = `store${failedStores.length > 1 ? 's' : ''} ${failedStores.join(', ')}`;
    return failed(everyStoreMust ? `The import failed for ${which}, and every store had to succeed.` : `The import failed for ${which}.`);
  }
  const taskRunning = task?.status === 'pending' || task?.status === 'processing';
  if (image.status === 'active' && importingTo.length === 0) {
    // copy-image starts on an active image: it is done only when its task is (or no task exists to say).
    if (method !== 'copy-image' || !taskRunning) {
      const partial = failedStores.length > 0 ? `Imported, but not into ${failedStores.join(', ')}.` : undefined;
      return { ...base, outcome: 'done', ...(partial ? { message: partial } : {}) };
    }
  }
  if (image.status === 'queued' && sawImporting && !taskRunning) {
    return failed(taskMessage || 'Glance stopped the import and put the image back to queued. Check the URL or the file, then retry.');
  }
  if (image.status === 'queued' && !task && elapsedMs > IMPORT_START_TIMEOUT_MS) {
    return failed('Glance has not started the import after two minutes. Its import workers may be busy or down; ask your operator.');
  }
  return { ...base, outcome: 'pending', ...(taskMessage ? { message: taskMessage } : {}) };
}
