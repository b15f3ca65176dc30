import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { glance } from '@/lib/glance';

// Images other projects shared with the current one, and this project's answer to each.
export const MEMBER_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const sharedImageSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable(),
  owner: z.string().nullable(),
  status: z.string(),
  size: z.number().nullable().optional(),
  created_at: z.string(),
});
export type SharedImage = z.infer<typeof sharedImageSchema>;
const sharedListSchema = z.looseObject({ images: z.array(sharedImageSchema), next: z.string().optional() });

export const memberSchema = z.looseObject({
  image_id: z.string(),
  member_id: z.string(),
  status: z.enum(MEMBER_STATUSES),
});

export const memberKeys = {
  all: ['members'] as const,
  shared: (status: MemberStatus, projectId: string) => [...memberKeys.all, 'shared-with-me', projectId, status] as const,
};

export const sharedWithMeQuery = (status: MemberStatus, projectId: string) =>
  queryOptions({
    queryKey: memberKeys.shared(status, projectId),
    queryFn: async ({ signal }) => {
      const body = await glance().json('v2/images', sharedListSchema, {
        query: { visibility: 'shared', member_status: status, limit: 1000 },
        signal,
      });
      // The project's own shared images are in that list too; they were not shared *with* it.
      return body.images.filter((image) => image.owner !== projectId);
    },
  });

/** Accept, reject or reset a share. Optimistic: the row moves at once, and moves back on failure. */
export function useAnswerShare(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ image, status }: { image: SharedImage; from: MemberStatus; status: MemberStatus }) =>
      glance().json(`v2/images/${encodeURIComponent(image.id)}/members/${encodeURIComponent(projectId)}`, memberSchema, {
        method: 'PUT',
        json: { status },
      }),
    onMutate: async ({ image, from, status }) => {
      await queryClient.cancelQueries({ queryKey: memberKeys.all });
      const previous = {
        from: queryClient.getQueryData<SharedImage[]>(memberKeys.shared(from, projectId)),
        to: queryClient.getQueryData<SharedImage[]>(memberKeys.shared(status, projectId)),
      };
      queryClient.setQueryData<SharedImage[]>(memberKeys.shared(from, projectId), (rows) => rows?.filter((row) => row.id !== image.id));
      queryClient.setQueryData<SharedImage[]>(memberKeys.shared(status, projectId), (rows) => (rows ? [image, ...rows] : rows));
      return previous;
    },
    onError: (_error, { from, status }, previous) => {
      queryClient.setQueryData(memberKeys.shared(from, projectId), previous?.from);
      queryClient.setQueryData(memberKeys.shared(status, projectId), previous?.to);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['images', 'list'] }),
      ]),
  });
}
