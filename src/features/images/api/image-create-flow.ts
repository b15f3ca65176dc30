import { createRequestBody, type CreateFormValues } from '@/features/images/api/image-create-form-model';
import { imageLabel, type Image } from '@/features/images/api/image-schema';
import type { ImportRequest, UploadRequest } from '@/features/transfers';

// What "Create" does once the form is valid: for each image, POST /v2/images, then hand its
// data to the transfers feature (an upload of its file, or a web-download import of the URL).
// Records are created one after the other, and each one's data starts as soon as it exists,
// so the transfer queue works while the next record is created. The first refused record
// stops the run: the ones before it exist (with their transfers), the rest are not created.

export interface CreateDeps {
  create: (body: Record<string, unknown>) => Promise<Image>;
  startUpload: (request: UploadRequest) => string;
  startImport: (request: ImportRequest) => string;
}

export interface CreatedImage {
  index: number;
  image: Image;
  /** The transfer moving its data; none when the image was created without data. */
  transferId?: string;
}

export interface CreateRun {
  created: CreatedImage[];
  /** The item whose record Glance refused, and why; the items after it were not tried. */
  failed?: { index: number; error: unknown };
}

export async function createImages(values: CreateFormValues, files: readonly (File | null)[], deps: CreateDeps): Promise<CreateRun> {
  const created: CreatedImage[] = [];
  const stores = values.store ? [values.store] : undefined;
  for (const [index, item] of values.items.entries()) {
    let image: Image;
    try {
      image = await deps.create(createRequestBody(values, item));
    } catch (error) {
      return { created, failed: { index, error } };
    }
    const imageName = imageLabel(image);
    const file = files[index];
    let transferId: string | undefined;
    if (values.source === 'file' && file) {
      transferId = deps.startUpload({ imageId: image.id, imageName, file, method: values.method, stores });
    } else if (values.source === 'url') {
      transferId = deps.startImport({ imageId: image.id, imageName, method: 'web-download', uri: values.url.trim(), stores });
    }
    created.push({ index, image, ...(transferId === undefined ? {} : { transferId }) });
  }
  return { created };
}
