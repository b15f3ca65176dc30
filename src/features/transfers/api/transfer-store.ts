// The transfer queue: a module-level store (not React state), so transfers keep running while
// the user moves between pages, read by components through useSyncExternalStore.
//
// Each kind of transfer has a runner (registerRunner) that moves the bytes and reports through
// a TransferContext; the store owns everything around it: states, speed, cancel, retry,
// dismiss, the slots that bound how many byte-moving transfers run at once, settle listeners,
// the warning before the tab closes, and stopping everything on sign-out or project switch.
import { describeError } from '@/lib/api-error';
import { sessionStore } from '@/lib/session';
import { addSample, speedOf, type SpeedSample } from '@/features/transfers/api/transfer-speed';
import {
  SETTLED_STATES,
  TransferError,
  type RequestByKind,
  type Transfer,
  type TransferContext,
  type TransferKind,
  type TransferRunner,
} from '@/features/transfers/api/transfer-types';

/** Uploads and downloads running at once; more wait as `queued` (imports run on Glance and take no slot). */
export const MAX_ACTIVE_TRANSFERS = 2;
/** Progress reaches listeners at most this often; state changes reach them at once. */
const PROGRESS_NOTIFY_MS = 200;

type AnyRequest = RequestByKind[TransferKind];

interface Entry {
  transfer: Transfer;
  request: AnyRequest;
  controller: AbortController | undefined;
  samples: SpeedSample[];
  attempt: number;
}


const entries = new Map<string, Entry>();
const runners = new Map<TransferKind, TransferRunner<AnyRequest>>();
const listeners = new Set<() => void>();
const settleListeners = new Set<(transfer: Transfer) => void>();
let snapshot: readonly Transfer[] = [];
let notifyTimer: ReturnType<typeof setTimeout> | undefined;
let sequence = 0;

function rebuild(): void {
  snapshot = [...entries.values()].map((entry) => entry.transfer).reverse();
}

function notifyNow(): void {
  clearTimeout(notifyTimer);
  notifyTimer = undefined;
  rebuild();
  updateUnloadGuard();
  for (const listener of listeners) listener();
}

function notifySoon(): void {
  if (notifyTimer !== undefined) return;
  notifyTimer = setTimeout(notifyNow, PROGRESS_NOTIFY_MS);
}

function patch(entry: Entry, changes: Partial<Transfer>, urgent = true): void {
  entry.transfer = { ...entry.transfer, ...changes };
  if (urgent) notifyNow();
  else notifySoon();
}

function isActive(transfer: Transfer): boolean {
  return !SETTLED_STATES.has(transfer.state);
}

/** Uploads and downloads hold a slot from start to settle; imports never do. */
function takesSlot(transfer: Transfer): boolean {
  return transfer.kind !== 'import';
}

function runningSlots(): number {
  let count = 0;
  for (const { transfer } of entries.values()) if (takesSlot(transfer) && isActive(transfer) && transfer.state !== 'queued') count += 1;
  return count;
}

/** Starts queued transfers, oldest first, while slots are free. */
function pump(): void {
  for (const entry of entries.values()) {
    if (entry.transfer.state !== 'queued' || entry.controller) continue;
    if (takesSlot(entry.transfer) && runningSlots() >= MAX_ACTIVE_TRANSFERS) continue;
    void run(entry);
  }
}

function contextFor(entry: Entry, signal: AbortSignal): TransferContext {
  // A context outlives its run only as a stale reference: once the run ends, its calls are ignored.
  const live = () => !signal.aborted && entries.get(entry.transfer.id) === entry && entry.controller?.signal === signal;
  return {
    id: entry.transfer.id,
    signal,
    attempt: entry.attempt,
    progress(bytesDone, bytesTotal) {
      if (!live()) return;
      entry.samples = addSample(entry.samples, { at: Date.now(), bytes: bytesDone });
      const total = bytesTotal === undefined ? entry.transfer.bytesTotal : bytesTotal;
      patch(entry, { bytesDone, bytesTotal: total, bytesPerSecond: speedOf(entry.samples) }, false);
    },
    phase(state) {
      if (!live() || entry.transfer.state === state) return;
      entry.samples = [];
      patch(entry, { state, bytesPerSecond: null });
    },
    note(text) {
      if (live()) patch(entry, { note: text }, false);
    },
    verification(verification) {
      if (live()) patch(entry, { verification });
    },
    stores(stores) {
      if (live()) patch(entry, { stores });
    },
    offerDelete(offer) {
      if (entries.get(entry.transfer.id) === entry) patch(entry, { offerDelete: offer });
    },
  };
}

function messageOf(error: unknown): string {
  if (error instanceof TransferError) return error.message;
  const { title, detail } = describeError(error);
  return detail ? `${title}: ${detail}` : title;
}

async function run(entry: Entry): Promise<void> {
  const runner = runners.get(entry.transfer.kind);
  const controller = new AbortController();
  entry.controller = controller;
  entry.attempt += 1;
  entry.samples = [];
  const started = { state: 'running' as const, startedAt: Date.now(), finishedAt: undefined, error: undefined, note: undefined };
  patch(entry, { ...started, bytesDone: 0, bytesPerSecond: null, verification: undefined });
  let outcome: Partial<Transfer>;
  try {
    if (!runner) throw new TransferError(`Loupe cannot run ${entry.transfer.kind} transfers in this build. Reload the page.`);
    await runner(entry.request, contextFor(entry, controller.signal));
    if (controller.signal.aborted) throw controller.signal.reason;
    outcome = { state: 'done', error: undefined };
  } catch (error) {
    if (controller.signal.aborted) {
      const reason: unknown = controller.signal.reason;
      // A user's cancel says nothing more; a stop for another reason (sign-out) says why. Glance
      // goes on with an import it has started: stopping only stops watching it.
      const wasImporting = entry.transfer.state === 'importing';
      outcome = {
        state: 'cancelled',
        error: reason instanceof TransferError ? reason.message : undefined,
        note: wasImporting ? 'Loupe stopped watching; Glance goes on with the import by itself. Retry to watch it again.' : undefined,
      };
    } else {
      outcome = { state: 'failed', error: messageOf(error) };
    }
  }
  entry.controller = undefined;
  if (entries.get(entry.transfer.id) !== entry) return; // dismissed or cleared meanwhile
  patch(entry, { ...outcome, bytesPerSecond: null, finishedAt: Date.now() });
  for (const listener of settleListeners) listener(entry.transfer);
  pump();
}

/** The bytes to move, when known up front: an upload's file size, a download's image size. */
function knownSize(request: AnyRequest): number | null {
  if ('file' in request) return request.file.size;
  if ('size' in request) return request.size;
  return null;
}

function start<K extends TransferKind>(kind: K, request: RequestByKind[K], method: string, stores: string[] | undefined): string {
  sequence += 1;
  const id = `transfer-${Date.now().toString(36)}-${sequence}`;
  const transfer: Transfer = {
    id,
    kind,
    imageId: request.imageId,
    imageName: request.imageName,
    state: 'queued',
    bytesDone: 0,
    bytesTotal: knownSize(request),
    bytesPerSecond: null,
    startedAt: Date.now(),
    method,
    retryable: true,
    // An upload's record exists without data until the runner says otherwise; so does a web-download's.
    offerDelete: kind === 'upload' || method === 'web-download',
    ...(stores?.length ? { stores } : {}),
  };
  entries.set(id, { transfer, request, controller: undefined, samples: [], attempt: 0 });
  notifyNow();
  pump();
  return id;
}

/** Stops every transfer and forgets them all (sign-out and project switch: they belong to the old scope). */
function abortAll(reason: string): void {
  for (const entry of entries.values()) entry.controller?.abort(new TransferError(reason));
  entries.clear();
  notifyNow();
}

// ---------------------------------------------------------------- the tab-close warning

let unloadGuarded = false;
function warnBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older browsers need returnValue set to show the prompt.
  event.returnValue = '';
}

/** Bytes are moving, or about to, from or into this tab: closing it would lose them. */
export function hasTransfersInTab(): boolean {
  for (const { transfer } of entries.values()) if (transfer.kind !== 'import' && isActive(transfer)) return true;
  return false;
}

function updateUnloadGuard(): void {
  if (typeof window === 'undefined') return;
  const wanted = hasTransfersInTab();
  if (wanted === unloadGuarded) return;
  unloadGuarded = wanted;
  if (wanted) window.addEventListener('beforeunload', warnBeforeUnload);
  else window.removeEventListener('beforeunload', warnBeforeUnload);
}

sessionStore.onClear(() => abortAll('Stopped because you signed out or switched project.'));

// ---------------------------------------------------------------- public API

export const transferStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** All transfers, newest first (a stable array between changes). */
  getSnapshot(): readonly Transfer[] {
    return snapshot;
  },
  get(id: string): Transfer | undefined {
    return entries.get(id)?.transfer;
  },
  start,
  cancel(id: string): void {
    const entry = entries.get(id);
    if (!entry || !isActive(entry.transfer)) return;
    if (entry.controller) entry.controller.abort(new DOMException('Cancelled by the user.', 'AbortError'));
    else {
      // Still queued: it never started.
      patch(entry, { state: 'cancelled', finishedAt: Date.now() });
      for (const listener of settleListeners) listener(entry.transfer);
    }
  },
  retry(id: string): void {
    const entry = entries.get(id);
    if (!entry || entry.controller || !entry.transfer.retryable) return;
    if (entry.transfer.state !== 'failed' && entry.transfer.state !== 'cancelled') return;
    patch(entry, { state: 'queued', error: undefined, finishedAt: undefined });
    pump();
  },
  dismiss(id: string): void {
    const entry = entries.get(id);
    if (!entry || isActive(entry.transfer)) return;
    entries.delete(id);
    notifyNow();
  },
  /** Marks a settled transfer's image as gone (deleted from the tray), then forgets the transfer. */
  forgetImage(id: string): void {
    const entry = entries.get(id);
    if (!entry) return;
    entry.controller?.abort(new TransferError('The image was deleted.'));
    entries.delete(id);
    notifyNow();
    for (const listener of settleListeners) listener(entry.transfer);
  },
  registerRunner<K extends TransferKind>(kind: K, runner: TransferRunner<RequestByKind[K]>): void {
    runners.set(kind, runner as TransferRunner<AnyRequest>);
  },
  /** Called once per settle (done, failed, cancelled) and when forgetImage drops one, e.g. to refresh the image's queries. */
  onSettled(listener: (transfer: Transfer) => void): () => void {
    settleListeners.add(listener);
    return () => settleListeners.delete(listener);
  },
  abortAll,
  /** Tests only: forget everything, runners included. */
  resetForTests(): void {
    abortAll('reset');
    runners.clear();
    settleListeners.clear();
    sequence = 0;
  },
};
