import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { imageKeys } from '@/features/images/api/image-keys';
import { isApiError } from '@/lib/api-error';
import { glance } from '@/lib/glance';

// GET /v2/info/usage (Glance 2.13, unified limits): the project's image quotas. Glance answers
// {"usage": {}} when unified limits are off, and older clouds 404: then nothing is checked.

const MIB = 1024 * 1024;
const limitSchema = z.looseObject({ limit: z.number(), usage: z.number() });
export const usageSchema = z.looseObject({
  usage: z.looseObject({
    /** MiB of image data the project may store. */
    image_size_total: limitSchema.optional(),
    image_count_total: limitSchema.optional(),
    /** MiB of data the project may have in staging (glance-direct) at once. */
    image_stage_total: limitSchema.optional(),
    image_count_uploading: limitSchema.optional(),
  }),
});
export type Usage = z.infer<typeof usageSchema>;

/** What is left under each quota; null where there is no limit (absent, or negative: unlimited). */
export interface Remaining {
  bytes: number | null;
  images: number | null;
  stagedBytes: number | null;
}

const left = (entry: { limit: number; usage: number } | undefined, unit = 1) =>
  entry === undefined || entry.limit < 0 ? null : Math.max(0, entry.limit - entry.usage) * unit;

export function remainingQuota(usage: Usage | null | undefined): Remaining {
  const quotas = usage?.usage;
  return { bytes: left(quotas?.image_size_total, MIB), images: left(quotas?.image_count_total), stagedBytes: left(quotas?.image_stage_total, MIB) };
}

export const usageQueries = {
  /** The quota usage, or null when this cloud does not report it (404). Read fresh on every form open. */
  usage: () =>
    queryOptions({
      queryKey: imageKeys.usage(),
      queryFn: async ({ signal }) => {
        try {
          return await glance().json('v2/info/usage', usageSchema, { signal });
        } catch (error) {
          if (isApiError(error) && error.status === 404) return null;
          throw error;
        }
      },
      staleTime: 0,
    }),
};
