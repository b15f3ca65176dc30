import type { BadgeTone } from '@/components/ui/states';
import type { MemberStatus } from '@/features/members/api/member-schema';

// How a member status reads on screen, on the owner's list and on the member's panel.
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { pending: 'waiting for an answer', accepted: 'accepted', rejected: 'rejected' };
export const MEMBER_STATUS_TONES: Record<MemberStatus, BadgeTone> = { pending: 'warn', accepted: 'good', rejected: 'bad' };

/** "beta", "beta and gamma", "beta, gamma and 3 more": projects named in a confirmation. */
export function nameProjects(labels: readonly string[], shown = 5): string {
  if (labels.length <= 1) return labels[0] ?? '';
  if (labels.length <= shown) return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
  return `${labels.slice(0, shown).join(', ')} and ${labels.length - shown} more`;
}

/** A project by name when this user can resolve it, by ID otherwise. */
export function projectLabel(projectId: string, names: ReadonlyMap<string, string> | undefined): string {
  return names?.get(projectId) ?? projectId;
}
