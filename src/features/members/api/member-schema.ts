import { z } from 'zod';

// Sharing, from both ends: the member records of an image (GET/POST/PUT /v2/images/{id}/members),
// each one a project the image is shared with and that project's answer; and the images other
// projects shared with this one. This is the one member schema of the app.

export const MEMBER_STATUSES = ['pending', 'accepted', 'rejected'] as const;
const memberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const memberSchema = z.looseObject({
  image_id: z.string(),
  member_id: z.string(),
  status: memberStatusSchema,
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberListSchema = z.looseObject({ members: z.array(memberSchema) });

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

/** What the image page hands the Members section: any image shape with these fields fits. */
export interface MemberImage {
  id: string;
  name: string | null;
  owner: string | null;
  visibility: string;
  status: string;
  created_at: string;
  size?: number | null | undefined;
}

/** PATCH's answer when the Members section makes an image shared (the images feature re-reads the rest). */
export const visibilityAnswerSchema = z.looseObject({ id: z.string(), visibility: z.string() });
