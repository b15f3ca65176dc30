import { describe, expect, it } from 'vitest';
import { memberErrorMessage, type MemberAction } from '@/features/members/api/member-errors';
import { ApiError } from '@/lib/api-error';

// Glance's own messages (checked against the local stack), after the client strips the HTML.
const glanceError = (status: number, message: string) => new ApiError({ status, service: 'glance', message });

describe('memberErrorMessage', () => {
  it.each<[number, string, MemberAction, RegExp]>([
    [409, 'Member 884c is duplicated for image b545', 'add', /^beta is already a member of this image\.$/],
    [403, 'Not allowed to create members for image b545.', 'add', /not shared: only an image with visibility “shared” can have members\. Make it shared/],
    [403, 'Not allowed to list members for image b545: Only shared images have members.', 'remove', /not shared/],
    [403, 'You are not authorized to complete add_member action.', 'add', /Only the image’s owner project .* or an administrator can change its members/],
    [403, 'You are not authorized to complete delete_member action.', 'remove', /Only the image’s owner project/],
    [403, 'You are not authorized to complete modify_member action.', 'answer', /Only beta itself .* can accept or reject/],
    [413, 'Maximum number of members exceeded', 'add', /as many members as Glance allows \(image_member_quota, 128 by default\)\. Remove a member first/],
    [404, 'Image 0000 not found.', 'add', /The image no longer exists/],
    [404, 'Image 0000 not found.', 'remove', /The image no longer exists/],
    [404, 'beta not found in the member list of the image b545.', 'remove', /^beta is not a member of this image \(any more\)\. Reload/],
  ])('%i %s (%s)', (status, server, action, expected) => {
    expect(memberErrorMessage(glanceError(status, server), action, 'beta')).toMatch(expected);
  });

  it('falls back to the general description for other failures', () => {
    expect(memberErrorMessage(new ApiError({ status: 0, service: 'glance', message: 'x', kind: 'network' }), 'add', 'beta')).toMatch(/^Cannot reach Glance/);
    expect(memberErrorMessage(glanceError(500, 'boom'), 'remove', 'beta')).toMatch(/internal error/);
  });
});
