import { useCallback, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Link, type To } from 'react-router';
import { cn } from '@/components/ui/cn';

// One line of text that ends in an ellipsis when it does not fit. The full value shows on
// hover and on keyboard focus (a tooltip named by aria-describedby); text with nothing
// focusable inside becomes focusable itself, but only while it is cut.

// Whether a value is cut is read from one shared ResizeObserver, which reports an element
// when it is first observed and whenever its size changes. Its callback runs after layout:
// every element is read first and then written, so mounting a page of rows costs no forced
// layout per cell.
let sharedObserver: ResizeObserver | undefined;
const focusableWhenCut = new WeakSet<Element>();
function observeCut(element: HTMLElement): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  sharedObserver ??= new ResizeObserver((entries) => {
    const cut = entries.map((entry) => [entry.target, entry.target instanceof HTMLElement && isCut(entry.target)] as const);
    for (const [target, isCutNow] of cut) {
      if (!(target instanceof HTMLElement) || !focusableWhenCut.has(target)) continue;
      if (isCutNow) target.tabIndex = 0;
      else target.removeAttribute('tabindex');
    }
  });
  focusableWhenCut.add(element);
  sharedObserver.observe(element);
  return () => {
    focusableWhenCut.delete(element);
    sharedObserver?.unobserve(element);
  };
}

const isCut = (element: HTMLElement) => element.scrollWidth > element.clientWidth + 1;

interface TruncatedProps {
  /** The full value, shown in the tooltip. */
  text: string;
  /** What the line shows (a link, say); the text itself when left out. */
  children?: ReactNode;
  className?: string;
}

export function Truncated({ text, children, className }: TruncatedProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const tooltipId = useId();
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const hasOwnFocus = children !== undefined;

  // Only a cut value with nothing focusable inside needs its own tab stop. Set on the element
  // directly: measuring must not re-render (a long list mounts hundreds of these). Observing
  // again when the text changes measures it again.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || hasOwnFocus) return;
    return observeCut(element);
  }, [text, hasOwnFocus]);

  const show = useCallback(() => {
    if (ref.current && isCut(ref.current)) setAnchor(ref.current.getBoundingClientRect());
  }, []);
  const hide = useCallback(() => setAnchor(null), []);
  // Esc dismisses the tooltip without moving focus (WCAG 1.4.13).
  useLayoutEffect(() => {
    if (!anchor) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && hide();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [anchor, hide]);

  return (
    <span
      ref={ref}
      className={cn('block min-w-0 truncate', className)}
      aria-describedby={anchor ? tooltipId : undefined}
      onMouseEnter={show}
      onMouseLeave={hide}
      onFocus={show}
      onBlur={hide}
    >
      {children ?? text}
      {anchor &&
        createPortal(
          <span
            id={tooltipId}
            role="tooltip"
            style={{ top: Math.min(anchor.bottom + 4, window.innerHeight - 80), left: Math.max(8, Math.min(anchor.left, window.innerWidth - 520)) }}
            className="pointer-events-none fixed z-50 max-w-[32rem] rounded-md border border-slate-200 bg-white px-2 py-1 text-xs break-all whitespace-normal text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          >
            {text}
          </span>,
          document.body,
        )}
    </span>
  );
}

/** A link on one line (a name in a table), cut with the full text on hover and focus. */
export function TruncatedLink({ to, text, className }: { to: To; text: string; className?: string }) {
  return (
    <Truncated text={text} className={cn('font-medium', className)}>
      <Link to={to} className="text-sky-800 hover:underline dark:text-sky-300">
        {text}
      </Link>
    </Truncated>
  );
}
