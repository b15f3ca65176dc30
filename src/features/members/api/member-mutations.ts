import { useMutation, useQueryClient } from '@tanstack/react-query';
import { memberErrorMessage } from '@/features/members/api/member-errors';
import { memberKeys } from '@/features/members/api/member-keys';
import { memberSchema, visibilityAnswerSchema, type Member, type MemberStatus, type SharedImage } from '@/features/members/api/member-schema';
import { moveShare, type SharedList } from '@/features/members/api/shared-with-me';
import { glance } from '@/lib/glance';
import { IMAGES_QUERY_ROOT } from '@/lib/image-ref';
import { IMAGE_PATCH_MEDIA_TYPE } from '@/lib/json-patch';
import { mapSettledWithLimit } from '@/lib/map-limit';

const imagePath = (imageId: string) => `v2/images/${encodeURIComponent(imageId)}`;
const memberPath = (imageId: string, projectId: string) => `${imagePath(imageId)}/members/${encodeURIComponent(projectId)}`;

/** PUT /v2/images/{id}/members/{project}: only the member project (role member) or an admin may. */
function setMemberStatus(imageId: string, projectId: string, status: MemberStatus): Promise<Member> {
  return glance().json(memberPath(imageId, projectId), memberSchema, { method: 'PUT', json: { status } });
}

/** POST /v2/images/{id}/members (200, not 201): the owner project or an admin, on a shared image. */
function addMember(imageId: string, projectId: string): Promise<Member> {
  return glance().json(`${imagePath(imageId)}/members`, memberSchema, { method: 'POST', json: { member: projectId } });
}

async function removeMember(imageId: string, projectId: string): Promise<void> {
  await glance().send(memberPath(imageId, projectId), { method: 'DELETE' });
}

export interface ShareAnswerVariables {
  image: SharedImage;
  from: MemberStatus;
  to: MemberStatus;
}

/**
 * Accept or reject a share (from the inbox or the image page). Optimistic (a small idempotent
 * change): the row moves between the cached lists and the membership takes the new status at
 * once, and both move back if Glance refuses; afterwards every list is read again.
 */
export function useAnswerShare(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ image, to }: ShareAnswerVariables) => setMemberStatus(image.id, projectId, to),
    onMutate: async ({ image, from, to }) => {
      const membershipKey = memberKeys.membership(image.id, projectId);
      await Promise.all([queryClient.cancelQueries({ queryKey: memberKeys.sharedWithMe(projectId) }), queryClient.cancelQueries({ queryKey: membershipKey })]);
      const fromKey = memberKeys.sharedList(projectId, from);
      const toKey = memberKeys.sharedList(projectId, to);
      const previous = {
        from: queryClient.getQueryData<SharedList>(fromKey),
        to: queryClient.getQueryData<SharedList>(toKey),
        membership: queryClient.getQueryData<Member | null>(membershipKey),
      };
      const next = moveShare(previous, image);
      queryClient.setQueryData(fromKey, next.from);
      queryClient.setQueryData(toKey, next.to);
      if (previous.membership) queryClient.setQueryData(membershipKey, { ...previous.membership, status: to });
      return previous;
    },
    onError: (_error, { image, from, to }, previous) => {
      if (!previous) return;
      queryClient.setQueryData(memberKeys.sharedList(projectId, from), previous.from);
      queryClient.setQueryData(memberKeys.sharedList(projectId, to), previous.to);
      queryClient.setQueryData(memberKeys.membership(image.id, projectId), previous.membership);
    },
    onSettled: (_data, _error, { image }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.sharedWithMe(projectId) }),
        queryClient.invalidateQueries({ queryKey: memberKeys.image(image.id) }),
        // An accepted image joins the project's image list; a rejected one leaves it.
        queryClient.invalidateQueries({ queryKey: IMAGES_QUERY_ROOT }),
      ]),
  });
}

/** A project the owner named, as the result lists show it. */
export interface MemberTargetRef {
  projectId: string;
  label: string;
}

export interface MemberWriteResult extends MemberTargetRef {
  ok: boolean;
  /** Why it failed, in words (memberErrorMessage); empty when it worked. */
  message: string;
}

async function eachProject(targets: readonly MemberTargetRef[], action: 'add' | 'remove', write: (projectId: string) => Promise<unknown>): Promise<MemberWriteResult[]> {
  // Glance serialises member writes on one image; a few at a time is plenty.
  const settled = await mapSettledWithLimit(targets, 3, (target) => write(target.projectId));
  return settled.map((result, index) => {
    const target = targets[index] as MemberTargetRef;
    return result.status === 'fulfilled'
      ? { ...target, ok: true, message: '' }
      : { ...target, ok: false, message: memberErrorMessage(result.reason, action, target.label) };
  });
}

/** Adds or removes several projects; each gets its own result, and the members are read again after. */
export function useMemberWrites(imageId: string) {
  const queryClient = useQueryClient();
  // Sharing changes the member list and, if the caller's project is among them, its inbox.
  const settle = () => queryClient.invalidateQueries({ queryKey: memberKeys.all });
  const add = useMutation({
    mutationFn: (targets: readonly MemberTargetRef[]) => eachProject(targets, 'add', (projectId) => addMember(imageId, projectId)),
    onSettled: settle,
  });
  const remove = useMutation({
    mutationFn: (targets: readonly MemberTargetRef[]) => eachProject(targets, 'remove', (projectId) => removeMember(imageId, projectId)),
    onSettled: settle,
  });
  return { add, remove };
}

/**
 * Makes an image shared so it can take members (the switch offered in the add flow). Resolves
 * once the image has been read again, so the page already shows it as shared.
 */
export function useMakeShared(imageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      glance().json(imagePath(imageId), visibilityAnswerSchema, {
        method: 'PATCH',
        json: [{ op: 'replace', path: '/visibility', value: 'shared' }],
        contentType: IMAGE_PATCH_MEDIA_TYPE,
      }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: IMAGES_QUERY_ROOT }), queryClient.invalidateQueries({ queryKey: memberKeys.image(imageId) })]),
  });
}
