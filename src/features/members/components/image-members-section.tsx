import { useQuery } from '@tanstack/react-query';
import { Section } from '@/components/ui/section';
import { projectNamesQuery } from '@/features/auth';
import type { MemberImage } from '@/features/members/api/member-schema';
import { OwnerMembers } from '@/features/members/components/owner-members';
import { SharedWithYou } from '@/features/members/components/shared-with-you';
import { usePermissions, useSession } from '@/lib/session';

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * Sharing on the image page. The owner project (and an admin, for any image) sees the members
 * and, with a member role, adds and removes them; a project the image is shared with sees who
 * shared it and its answer. A member never gets the owner's controls.
 */
export function ImageMembersSection({ image }: { image: MemberImage }) {
  const session = useSession();
  const { isAdmin, canWrite } = usePermissions();
  const names = useQuery(projectNamesQuery(session.user.id, isAdmin));
  const projectNames = names.data ?? NO_NAMES;
  const owns = image.owner === session.project.id;
  return (
    <>
      {!owns && <SharedWithYou image={image} projectId={session.project.id} projectName={session.project.name} canAnswer={canWrite} projectNames={projectNames} />}
      {(owns || isAdmin) && (
        <Section title="Members">
          <OwnerMembers image={image} manages={canWrite && (owns || isAdmin)} projectNames={projectNames} namesLoading={names.isPending} />
        </Section>
      )}
    </>
  );
}
