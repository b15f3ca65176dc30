import { imageLabel, type Image } from '@/features/images/api/image-schema';
import { reportError } from '@/features/images/components/list-actions';
import { startImageDownload } from '@/features/transfers';

/**
 * Starts downloading an image into the transfer tray. Call it straight from the click: with
 * the File System Access API it first asks where to save (the dialog needs the user's gesture).
 */
export function downloadFromClick(image: Image): void {
  const name = imageLabel(image);
  void startImageDownload(image, name).catch((error: unknown) => reportError(`Downloading ${name}`, error));
}
