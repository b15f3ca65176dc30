// Image data and the image record, as the transfers need them: upload (PUT /file), staging
// (PUT /stage), and deleting a record whose data never arrived.
import { putFile, type SendFileOptions } from '@/features/transfers/api/glance-upload';
import { glance } from '@/lib/glance';

const imagePath = (imageId: string) => `v2/images/${encodeURIComponent(imageId)}`;

/** Direct upload: Glance stores the data and the image becomes active when this resolves. */
export function uploadImageData(imageId: string, file: File, options: SendFileOptions & { store?: string | undefined }): Promise<void> {
  const { store, headers = {}, ...rest } = options;
  return putFile(`${imagePath(imageId)}/file`, file, { ...rest, headers: store ? { ...headers, 'X-Image-Meta-Store': store } : headers });
}

/** glance-direct staging: the data waits in Glance's staging area (status `uploading`) for an import. */
export function stageImageData(imageId: string, file: File, options: SendFileOptions): Promise<void> {
  return putFile(`${imagePath(imageId)}/stage`, file, options);
}

export async function deleteImageRecord(imageId: string): Promise<void> {
  await glance().send(imagePath(imageId), { method: 'DELETE' });
}
