import { describeError, isApiError } from '@/lib/api-error';

// Glance's answers to member writes, in words that say what happened and what to do. Its own
// messages name IDs ("Member … is duplicated for image …"); these name the project and the fix.

export type MemberAction = 'add' | 'remove' | 'answer';

/** One line for a failed add, remove or answer; `project` is the name (or ID) shown to the user. */
export function memberErrorMessage(error: unknown, action: MemberAction, project: string): string {
  if (!isApiError(error) || error.kind !== 'http') {
    const { title, detail } = describeError(error);
    return `${title}: ${detail}`;
  }
  const server = error.message;
  switch (error.status) {
    case 409:
      return `${project} is already a member of this image.`;
    case 403:
      if (/not allowed to (create|list) members|only shared images have members/i.test(server)) {
        return 'The image is not shared: only an image with visibility “shared” can have members. Make it shared, then try again.';
      }
      if (action === 'answer') return `Only ${project} itself (a member of it, not a reader) or an administrator can accept or reject this share.`;
      return 'Only the image’s owner project (a member of it, not a reader) or an administrator can change its members.';
    case 413:
      return 'The image has as many members as Glance allows (image_member_quota, 128 by default). Remove a member first, or ask your operator to raise the quota.';
    case 404:
      if (/^image .* not found/i.test(server)) return 'The image no longer exists, or your project can no longer see it. Go back to the image list.';
      return action === 'add'
        ? 'The image no longer exists, or your project can no longer see it. Go back to the image list.'
        : `${project} is not a member of this image (any more). Reload the page to see its current members.`;
    default: {
      const { title, detail } = describeError(error);
      return `${title}: ${detail}`;
    }
  }
}
