import type { BulkAction, BulkResult } from '@/features/images/api/image-bulk';
import type { Image } from '@/features/images/api/image-schema';

// Which selected images a bulk action applies to, and why the others are skipped. Glance
// refuses most of the mismatches (a queued image cannot be deactivated: 403; a protected one
// cannot be deleted: 403); the rest would be no-ops. Skipping them up front means the user is
// told before, and the report says "skipped" with the reason instead of a failure.

export type BulkImage = Pick<Image, 'id' | 'name' | 'status' | 'visibility' | 'protected' | 'os_hidden' | 'tags'>;

export interface BulkPlan<T extends BulkImage = BulkImage> {
  apply: T[];
  skip: { image: T; reason: string }[];
}

/** One image's outcome; `skipped` when the action did not apply to it and was not sent. */
export interface BulkOutcome extends BulkResult {
  skipped?: boolean;
}

// Glance's own state rules; what a role may do depends on the deployment's policy, so that
// is left to Glance's answer (a 403 is reported as a failure with its reason).
function activationRule(image: BulkImage, wanted: 'active' | 'deactivated'): string | undefined {
  if (image.status === wanted) return undefined;
  return wanted === 'active' ? `it is ${image.status}; only an active image can be deactivated` : `it is ${image.status}; only a deactivated image can be reactivated`;
}

/** Why `action` does not apply to `image`, as a phrase; undefined when it applies. */
export function skipReason(image: BulkImage, action: BulkAction): string | undefined {
  switch (action.kind) {
    case 'delete':
      return image.protected ? 'it is protected; unprotect it first' : undefined;
    case 'deactivate':
      return activationRule(image, 'active');
    case 'reactivate':
      return activationRule(image, 'deactivated');
    case 'hide':
      return image.os_hidden ? 'it is already hidden' : undefined;
    case 'unhide':
      return image.os_hidden ? undefined : 'it is not hidden';
    case 'protect':
      return image.protected ? 'it is already protected' : undefined;
    case 'unprotect':
      return image.protected ? undefined : 'it is not protected';
    case 'add-tag':
      return image.tags.includes(action.tag) ? `it already has the tag "${action.tag}"` : undefined;
    case 'remove-tag':
      return image.tags.includes(action.tag) ? undefined : `it has no tag "${action.tag}"`;
  }
}

export function planBulk<T extends BulkImage>(images: readonly T[], action: BulkAction): BulkPlan<T> {
  const plan: BulkPlan<T> = { apply: [], skip: [] };
  for (const image of images) {
    const reason = skipReason(image, action);
    if (reason) plan.skip.push({ image, reason });
    else plan.apply.push(image);
  }
  return plan;
}

/** The outcomes of what ran and what was skipped, in the selection's order. */
export function mergeOutcomes(images: readonly Pick<Image, 'id'>[], ran: readonly BulkResult[], plan: BulkPlan): BulkOutcome[] {
  const byId = new Map<string, BulkOutcome>(ran.map((result) => [result.image.id, result]));
  for (const { image, reason } of plan.skip) byId.set(image.id, { image, ok: false, skipped: true, message: `skipped: ${reason}` });
  return images.flatMap((image) => byId.get(image.id) ?? []);
}

/** The results dialog's title: failures first, then skips, else "All n done". */
export function summarizeOutcomes(outcomes: readonly BulkOutcome[]): string {
  const skipped = outcomes.filter((outcome) => outcome.skipped).length;
  const failed = outcomes.filter((outcome) => !outcome.ok && !outcome.skipped).length;
  const done = outcomes.length - skipped - failed;
  if (failed) return `${failed} of ${outcomes.length} failed${skipped ? `, ${skipped} skipped` : ''}`;
  if (skipped) return `${done} done, ${skipped} skipped`;
  return `All ${done} done`;
}
