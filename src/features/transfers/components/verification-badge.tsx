import { Badge } from '@/components/ui/states';
import type { Verification } from '@/features/transfers/api/transfer-types';

const ALGO_LABEL = (algo: string | null | undefined) => algo ?? 'os_hash';

function HashRow({ label, expected, actual }: { label: string; expected: string | null | undefined; actual: string | undefined }) {
  if (!expected && !actual) return null;
  const differs = !!expected && !!actual && expected.toLowerCase() !== actual.toLowerCase();
  return (
    <div className="space-y-0.5">
      <dt className="font-medium">
        {label}
        {differs ? ' — differs' : ''}
      </dt>
      <dd className="font-mono break-all">Glance: {expected ?? 'none'}</dd>
      <dd className="font-mono break-all">This file: {actual ?? 'not computed'}</dd>
    </div>
  );
}

/** "Verified", or a loud mismatch with both values; "Not verified" says why. */
export function VerificationBadge({ verification }: { verification: Verification }) {
  const { state, expected, actual } = verification;
  if (state === 'pending') return <Badge tone="info">Verifying…</Badge>;
  if (state === 'verified') {
    const checked = [actual.md5 && expected.md5 ? 'md5' : null, actual.value && expected.value ? ALGO_LABEL(actual.algo) : null].filter(Boolean);
    return (
      <span title={[expected.md5 && `md5 ${expected.md5}`, expected.value && `${ALGO_LABEL(expected.algo)} ${expected.value}`].filter(Boolean).join('\n')}>
        <Badge tone="good">Verified ({checked.join(', ')})</Badge>
      </span>
    );
  }
  if (state === 'unavailable') {
    return (
      <span className="inline-flex flex-wrap items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
        <Badge>Not verified</Badge>
        {verification.reason}
      </span>
    );
  }
  return (
    <div role="alert" className="rounded-md border-2 border-red-600 bg-red-50 p-2 text-xs text-red-900 dark:border-red-500 dark:bg-red-950/60 dark:text-red-200">
      <p className="text-sm font-semibold">Checksum mismatch: the data in Glance is not this file</p>
      <dl className="mt-1 space-y-1">
        <HashRow label="md5" expected={expected.md5} actual={actual.md5} />
        <HashRow label={ALGO_LABEL(expected.algo)} expected={expected.value} actual={actual.value} />
      </dl>
    </div>
  );
}
