// Starting a download from a click: ask where to save (the save dialog needs the user's
// gesture, so this runs first, before any request), then queue the transfer. The runner, the
// planner and the hashing load on first use.
import { transferStore } from '@/features/transfers/api/transfer-store';
import { chooseSaveTarget, downloadFileName } from '@/features/transfers/download/sinks';

/** What a download needs to know of an image (the images feature's Image fits). */
export interface DownloadableImage {
  id: string;
  size?: number | null | undefined;
  disk_format?: string | null | undefined;
  checksum?: string | null | undefined;
  os_hash_algo?: string | null | undefined;
  os_hash_value?: string | null | undefined;
}

/**
 * Downloads an image's data through the transfer tray. Resolves with the transfer id, or
 * undefined when the user closed the save dialog.
 */
export async function startImageDownload(image: DownloadableImage, label: string): Promise<string | undefined> {
  const fileName = downloadFileName(label, image.disk_format);
  const target = await chooseSaveTarget(fileName);
  if (!target) return undefined;
  return transferStore.start(
    'download',
    {
      imageId: image.id,
      imageName: label,
      fileName,
      size: image.size ?? null,
      expected: { md5: image.checksum ?? null, algo: image.os_hash_algo ?? null, value: image.os_hash_value ?? null },
      target,
    },
    target.kind === 'file' ? 'to a file' : 'to the browser',
    undefined,
  );
}
