import { useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Section } from '@/components/ui/section';
import { Badge } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { memberErrorMessage } from '@/features/members/api/member-errors';
import { useAnswerShare } from '@/features/members/api/member-mutations';
import { memberQueries } from '@/features/members/api/member-queries';
import type { MemberImage } from '@/features/members/api/member-schema';
import { MEMBER_STATUS_LABELS, MEMBER_STATUS_TONES, projectLabel } from '@/features/members/api/member-status';
import { answersFor } from '@/features/members/api/shared-with-me';
import { imageLabel } from '@/lib/image-ref';

const ANSWERED: Record<string, string> = {
  accepted: 'It appears in your project’s image list.',
  rejected: 'It stays out of your project’s image list; you can accept it later.',
};

interface SharedWithYouProps {
  image: MemberImage;
  projectId: string;
  projectName: string;
  /** May answer (a member or admin of this project; readers only see the status). */
  canAnswer: boolean;
  projectNames: ReadonlyMap<string, string>;
}

/**
 * On another project's image: "shared with you by <owner>", this project's answer, and the
 * way to change it. Nothing shows when the project is not a member (a public image, say).
 */
export function SharedWithYou({ image, projectId, projectName, canAnswer, projectNames }: SharedWithYouProps) {
  const membership = useQuery({ ...memberQueries.membership(image.id, projectId), enabled: image.visibility === 'shared' });
  const answer = useAnswerShare(projectId);
  const status = membership.data?.status;
  if (!status) return null;
  const owner = image.owner ? projectLabel(image.owner, projectNames) : 'another project';
  const name = imageLabel(image);
  const respond = (to: 'accepted' | 'rejected' | 'pending', verb: string) =>
    answer.mutate(
      { image: { ...image }, from: status, to },
      {
        onSuccess: () => toast('success', `${to === 'accepted' ? 'Accepted' : 'Rejected'} ${name}`, ANSWERED[to] ?? ''),
        onError: (error) => toast('error', `Could not ${verb.toLowerCase()} ${name}`, memberErrorMessage(error, 'answer', projectName)),
      },
    );
  return (
    <Section title="Shared with you">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p>
          Shared with you by <strong className="break-all">{owner}</strong>. Your project’s answer:{' '}
          <Badge tone={MEMBER_STATUS_TONES[status]}>{MEMBER_STATUS_LABELS[status]}</Badge>
        </p>
        {canAnswer ? (
          <span className="inline-flex gap-1.5">
            {answersFor(status).map(({ to, label: verb }) => (
              <Button key={to} size="sm" variant={to === 'accepted' ? 'primary' : 'secondary'} busy={answer.isPending && answer.variables.to === to} onClick={() => respond(to, verb)}>
                {verb}
              </Button>
            ))}
          </span>
        ) : (
          <span className="text-slate-600 dark:text-slate-400">Your role is read-only: a project member can accept or reject it.</span>
        )}
      </div>
    </Section>
  );
}
