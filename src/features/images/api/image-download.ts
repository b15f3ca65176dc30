import { imageLabel, type Image } from '@/features/images/api/image-schema';
import { glance } from '@/lib/glance';

/** Fetches the image data with the token and hands it to the browser as a file. */
export async function downloadImage(image: Image): Promise<void> {
  const response = await glance().send(`v2/images/${encodeURIComponent(image.id)}/file`, {
    headers: { Accept: 'application/octet-stream' },
  });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${imageLabel(image)}.${image.disk_format ?? 'img'}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
