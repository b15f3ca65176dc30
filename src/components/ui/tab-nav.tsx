import { Link, type To } from 'react-router';
import { cn } from '@/components/ui/cn';

export interface TabNavItem {
  id: string;
  label: string;
  /** A link target, for tabs that are places (the URL names them)… */
  to?: To;
}

const tabClass = (current: boolean) =>
  cn(
    '-mb-px border-b-2 px-3 py-1.5 text-sm whitespace-nowrap',
    current
      ? 'border-sky-600 font-medium text-sky-800 dark:text-sky-300'
      : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100',
  );

/**
 * A row of views of one list (image views, share statuses). Each view is a place with its own
 * URL, so this is navigation with aria-current, not an ARIA tablist.
 */
export function TabNav({ label, items, current, onSelect }: { label: string; items: readonly TabNavItem[]; current: string; onSelect?: (id: string) => void }) {
  return (
    <nav aria-label={label} className="mb-3 flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
      {items.map((item) =>
        item.to !== undefined ? (
          <Link key={item.id} to={item.to} aria-current={item.id === current ? 'page' : undefined} className={tabClass(item.id === current)}>
            {item.label}
          </Link>
        ) : (
          <button key={item.id} type="button" aria-current={item.id === current ? 'page' : undefined} onClick={() => onSelect?.(item.id)} className={tabClass(item.id === current)}>
            {item.label}
          </button>
        ),
      )}
    </nav>
  );
}
