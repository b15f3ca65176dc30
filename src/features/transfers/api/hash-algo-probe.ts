// Which algorithm the cloud uses for os_hash_value (Glance's `hashing_algorithm`, not published
// by any API): read it from a recent active image, remembered per session; sha512 otherwise.
// A wrong guess costs only a second hashing pass at verification (upload-runner.ts).
import { z } from 'zod';
import { DEFAULT_OS_HASH_ALGO, toHashAlgorithm, type HashAlgorithm } from '@/features/transfers/api/hash-names';
import { glance } from '@/lib/glance';
import { sessionStore } from '@/lib/session';

const listSchema = z.looseObject({ images: z.array(z.looseObject({ os_hash_algo: z.string().nullable().optional() })) });

let known: HashAlgorithm | undefined;
sessionStore.onClear(() => {
  known = undefined;
});

/** Remembers what Glance reported on an image that got its data. */
export function learnHashAlgo(name: string | null | undefined): void {
  known = toHashAlgorithm(name) ?? known;
}

export async function cloudHashAlgo(signal?: AbortSignal): Promise<HashAlgorithm> {
  if (known) return known;
  try {
    const { images } = await glance().json('v2/images', listSchema, { query: { status: 'active', limit: 5 }, signal });
    const reported = images.map((image) => toHashAlgorithm(image.os_hash_algo)).find(Boolean);
    if (reported) known = reported;
  } catch (error) {
    if (signal?.aborted) throw error;
    // A guess is enough: verification rehashes if Glance used another algorithm.
  }
  return known ?? DEFAULT_OS_HASH_ALGO;
}
