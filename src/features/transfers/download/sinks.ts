// Where the downloaded bytes go, in order. With the File System Access API (Chromium-based
// browsers) the user picks a file and the bytes stream to disk as they arrive, in constant
// memory; Chromium writes into a temporary file and only puts it in place on close(), so a
// discarded download (cancelled, or bytes that fail verification) leaves nothing behind.
// Without it (Firefox, Safari), the bytes are kept as Blob parts (the browser's blob storage,
// not the JS heap) and handed to the browser's own downloads when complete: the fallback.

export interface DownloadSink {
  readonly kind: 'file' | 'browser';
  /** Appends bytes; the promise settles when the sink is done with them (the buffer may be reused after). */
  write(bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  /** Every byte is written: keep the file, or hand the Blob to the browser's downloads. */
  close(): Promise<void>;
  /** Drop what was written; nothing is saved. */
  discard(): Promise<void>;
}

/** Where the user chose to save, decided in the click handler (the picker needs the user's gesture). */
export type SaveTarget = { kind: 'file'; handle: FileSystemFileHandle } | { kind: 'browser'; fileName: string };

interface SaveFilePickerOptions {
  suggestedName?: string;
  id?: string;
}
type ShowSaveFilePicker = (options?: SaveFilePickerOptions) => Promise<FileSystemFileHandle>;

function savePicker(): ShowSaveFilePicker | undefined {
  const candidate = (globalThis as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  return typeof candidate === 'function' ? (candidate as ShowSaveFilePicker) : undefined;
}

/** Whether this browser can stream a download to a file the user picks. */
export function canStreamToDisk(): boolean {
  return savePicker() !== undefined;
}

/**
 * Asks where to save. Call it straight from the click (the picker needs the user's gesture):
 * with the File System Access API it opens the save dialog; otherwise the download goes to
 * the browser's downloads. Resolves undefined when the user closes the dialog.
 */
export async function chooseSaveTarget(fileName: string): Promise<SaveTarget | undefined> {
  const picker = savePicker();
  if (!picker) return { kind: 'browser', fileName };
  try {
    return { kind: 'file', handle: await picker.call(globalThis, { suggestedName: fileName, id: 'loupe-image-download' }) };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
    throw error;
  }
}

/** A file name for an image's data: its label and disk format, without characters file systems refuse. */
export function downloadFileName(label: string, diskFormat: string | null | undefined): string {
  const printable = [...label].map((char) => (char.charCodeAt(0) < 32 ? '_' : char)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, '_').replace(/^\.+/, '').slice(0, 200) || 'image';
  const extension = diskFormat && /^[a-z0-9]+$/i.test(diskFormat) ? diskFormat : 'img';
  return base.toLowerCase().endsWith(`.${extension.toLowerCase()}`) ? base : `${base}.${extension}`;
}

export async function openSink(target: SaveTarget): Promise<DownloadSink> {
  return target.kind === 'file' ? fileSink(await target.handle.createWritable({ keepExistingData: false })) : blobSink(target.fileName);
}

/** Streams to a file on disk through a FileSystemWritableFileStream. */
export function fileSink(writable: FileSystemWritableFileStream): DownloadSink {
  return {
    kind: 'file',
    write: (bytes) => writable.write(bytes),
    close: () => writable.close(),
    discard: () => writable.abort().catch(() => undefined),
  };
}

/** Collects Blob parts (each copied out of the network buffer) and saves them through a link when complete. */
export function blobSink(fileName: string, save: (blob: Blob, fileName: string) => void = saveThroughLink): DownloadSink {
  let parts: Blob[] = [];
  return {
    kind: 'browser',
    write: (bytes) => {
      parts.push(new Blob([bytes]));
      return Promise.resolve();
    },
    close: () => {
      const blob = new Blob(parts, { type: 'application/octet-stream' });
      parts = [];
      save(blob, fileName);
      return Promise.resolve();
    },
    discard: () => {
      parts = [];
      return Promise.resolve();
    },
  };
}

function saveThroughLink(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the URL once the download started; keep it a while for slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
