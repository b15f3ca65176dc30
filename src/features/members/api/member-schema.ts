import { z } from 'zod';

// Sharing, seen from the consumer's side: images other projects shared with this one, and
// this project's answer to each (its member status).
export const MEMBER_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export const memberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

/** The fields of an image this feature shows; everything else passes through. */
export const sharedImageSchema = z.looseObject({
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

/** PUT /v2/images/{id}/members/{member} answers the member record (200). */
export const memberSchema = z.looseObject({
  image_id: z.string(),
  member_id: z.string(),
  status: memberStatusSchema,
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type Member = z.infer<typeof memberSchema>;
