import { cn } from '@/components/ui/cn';

/**
 * Preformatted text (JSON, commands) in a box that scrolls instead of widening the page. A
 * scrollable region must be reachable by keyboard (axe: scrollable-region-focusable), so it
 * takes focus; its label names it for screen readers.
 */
export function ScrollablePre({ label, children, wrap = false, className }: { label: string; children: string; wrap?: boolean; className?: string }) {
  return (
    <pre
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above: the one sanctioned focusable <pre>
      tabIndex={0}
      aria-label={label}
      className={cn('max-h-96 max-w-full overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800', wrap && 'break-all whitespace-pre-wrap', className)}
    >
      {children}
    </pre>
  );
}
