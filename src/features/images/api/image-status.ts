import type { BadgeTone } from '@/components/ui/states';

// The one status-to-colour mapping for images (list and detail).
const TONES: Record<string, BadgeTone> = {
  active: 'good',
  queued: 'info',
  saving: 'info',
  uploading: 'info',
  importing: 'info',
  deactivated: 'warn',
  killed: 'bad',
  deleted: 'bad',
  pending_delete: 'bad',
};

export function imageStatusTone(status: string): BadgeTone {
  return TONES[status] ?? 'neutral';
}
