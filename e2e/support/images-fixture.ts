import { createImage, deleteImage, glance, uploadData, type ApiImage, type Token } from './api';

// ~150 images in one project with varied names, tags, properties, sizes, formats and two
// creation batches (so date filters have a boundary). Every image carries `runTag`, which
// scopes each assertion to this run's data.
export interface Catalogue {
  runTag: string;
  cutoff: string;
  images: ApiImage[];
  instance: string;
}

const DISTROS = ['ubuntu', 'debian', 'fedora'];

export async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

export async function createCatalogue(auth: Token, runTag: string, count = 150): Promise<Catalogue> {
  const instance = crypto.randomUUID();
  const images: ApiImage[] = [];
  const make = async (i: number) => {
    const name = i === 7 ? `${runTag}:colon` : i === 8 ? `${runTag}, comma` : `${runTag}-${String(i).padStart(3, '0')}`;
    const fields: Record<string, unknown> = {
      name,
      tags: [runTag, ...(i % 3 === 0 ? ['grp-a'] : []), ...(i % 5 === 0 ? ['grp-b'] : [])],
      os_distro: DISTROS[i % DISTROS.length],
      disk_format: i % 7 === 0 ? 'qcow2' : 'raw',
      container_format: 'bare',
      min_disk: i % 4,
      protected: i % 25 === 1,
      os_hidden: i % 30 === 2,
    };
    if (i % 10 === 0) Object.assign(fields, { image_type: 'snapshot', instance_uuid: instance });
    if (i % 4 === 0) fields.hw_disk_bus = 'virtio';
    const image = await createImage(auth, fields);
    // Every sixth raw image gets data of a size that grows with i (so size filters have a spread).
    if (i % 6 === 0 && fields.disk_format === 'raw') await uploadData(auth, image.id, new Uint8Array(1024 * (i + 1)));
    images.push(image);
  };
  const first = Array.from({ length: Math.floor(count / 2) }, (_, i) => i);
  const second = Array.from({ length: count - first.length }, (_, i) => i + first.length);
  await inBatches(first, 10, make);
  // Glance stores sub-second times but shows seconds: leave a clear gap around the cut-off.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const cutoff = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await inBatches(second, 10, make);
  return { runTag, cutoff, images, instance };
}

/** Deletes every image carrying `runTag` (hidden and protected ones too). */
export async function removeCatalogue(auth: Token, runTag: string): Promise<void> {
  for (const hidden of ['false', 'true']) {
    const { body } = await glance(auth, `/v2/images?tag=${encodeURIComponent(runTag)}&limit=1000&os_hidden=${hidden}`, { expect: 200 });
    await inBatches((body as { images: ApiImage[] }).images, 10, (image) => deleteImage(auth, image.id));
  }
}

/** Names the API returns for a query (already encoded), in order. */
export async function apiNames(auth: Token, query: string): Promise<string[]> {
  const { body } = await glance(auth, `/v2/images?${query}`, { expect: 200 });
  return (body as { images: ApiImage[] }).images.map((image) => image.name ?? image.id);
}
