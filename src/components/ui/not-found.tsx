import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page';

interface NotFoundViewProps {
  /** The heading and the document title: "Image not found". */
  title: string;
  /** What was asked for, and why it may be missing. */
  children: ReactNode;
  /** The list the resource would be in. */
  backTo: string;
  backLabel: string;
}

/**
 * A resource the API answered 404 for: not an error to retry, but a page that says what was
 * asked for, why it may be missing (deleted, or not visible to this project) and the way back.
 */
export function NotFoundView({ title, children, backTo, backLabel }: NotFoundViewProps) {
  return (
    <>
      <PageHeader title={title}>
        <Link to={backTo} className="text-sky-800 hover:underline dark:text-sky-300">
          ← {backLabel}
        </Link>
      </PageHeader>
      <div className="max-w-2xl space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm break-words dark:border-slate-800 dark:bg-slate-900">{children}</div>
    </>
  );
}
