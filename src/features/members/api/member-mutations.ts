import { useMutation, useQueryClient } from '@tanstack/react-query';
import { imageKeys, memberSchema, type Member, type MemberStatus } from '@/features/images';
import { memberKeys } from '@/features/members/api/member-keys';
import type { SharedImage } from '@/features/members/api/member-schema';
import { moveShare, type SharedList } from '@/features/members/api/shared-with-me';
import { glance } from '@/lib/glance';

/** PUT /v2/images/{id}/members/{project}: only the member project (role member) or an admin may. */
function setMemberStatus(imageId: string, projectId: string, status: MemberStatus): Promise<Member> {
  return glance().json(`v2/images/${encodeURIComponent(imageId)}/members/${encodeURIComponent(projectId)}`, memberSchema, {
    method: 'PUT',
    json: { status },
  });
}

export interface ShareAnswerVariables {
  image: SharedImage;
  from: MemberStatus;
  to: MemberStatus;
}

/**
 * Accept or reject a share. Optimistic (a small idempotent change): the row moves at once
 * and moves back if Glance refuses; afterwards every list is read again.
 */
export function useAnswerShare(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ image, to }: ShareAnswerVariables) => setMemberStatus(image.id, projectId, to),
    onMutate: async ({ image, from, to }) => {
      await queryClient.cancelQueries({ queryKey: memberKeys.sharedWithMe(projectId) });
      const fromKey = memberKeys.sharedList(projectId, from);
      const toKey = memberKeys.sharedList(projectId, to);
      const previous = { from: queryClient.getQueryData<SharedList>(fromKey), to: queryClient.getQueryData<SharedList>(toKey) };
      const next = moveShare(previous, image);
      queryClient.setQueryData(fromKey, next.from);
      queryClient.setQueryData(toKey, next.to);
      return previous;
    },
    onError: (_error, { from, to }, previous) => {
      if (!previous) return;
      queryClient.setQueryData(memberKeys.sharedList(projectId, from), previous.from);
      queryClient.setQueryData(memberKeys.sharedList(projectId, to), previous.to);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.sharedWithMe(projectId) }),
        queryClient.invalidateQueries({ queryKey: imageKeys.all }),
      ]),
  });
}
