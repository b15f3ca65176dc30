import { z } from 'zod';

// Sharing, seen from the consumer's side: images other projects shared with this one, and
// this project's answer to each (its member status). The member record itself belongs to
// the images feature (image-member-schema.ts): members → images, one way.

/** The fields of an image this feature shows; everything else passes through. */
const sharedImageSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable(),
  owner: z.string().nullable(),
  status: z.string(),
  visibility: z.string().optional(),
  size: z.number().nullish(),
  created_at: z.string(),
});
export type SharedImage = z.infer<typeof sharedImageSchema>;

export const sharedImagePageSchema = z.looseObject({
  images: z.array(sharedImageSchema),
  next: z.string().optional(),
});
