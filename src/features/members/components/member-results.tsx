import type { MemberWriteResult } from '@/features/members/api/member-mutations';

/** One line per project after adding or removing several: what happened, and why not. */
export function MemberResults({ results, done }: { results: readonly MemberWriteResult[]; done: string }) {
  const failed = results.filter((result) => !result.ok).length;
  return (
    <div role="status">
      <p className="font-medium">
        {failed === results.length ? 'Nothing was changed.' : `${results.length - failed} of ${results.length} ${done}.`} {failed > 0 && `${failed} failed:`}
      </p>
      <ul aria-label="Results per project" className="mt-1 space-y-1">
        {results.map((result) => (
          <li key={result.projectId} className={result.ok ? 'text-green-800 dark:text-green-300' : 'text-red-700 dark:text-red-400'}>
            <span className="font-medium break-all">{result.label}</span>: {result.ok ? done : result.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
