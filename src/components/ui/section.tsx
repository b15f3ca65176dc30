import { useId, type ReactNode } from 'react';

/** A titled panel of a page; the heading names the region for screen readers. */
export function Section({ title, count, actions, children }: { title: string; count?: number | undefined; actions?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
        <h2 id={id} className="text-sm font-semibold">
          {title}
          {count !== undefined && <span className="ml-1.5 font-normal text-slate-500 dark:text-slate-400">({count})</span>}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
