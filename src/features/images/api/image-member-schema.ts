import { z } from 'zod';

// Members of an image (GET/PUT /v2/images/{id}/members): the projects it is shared with and
// each one's answer. The members feature uses these through the images feature's index.
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
