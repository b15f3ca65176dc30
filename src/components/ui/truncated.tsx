import { useCallback, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Link, type To } from 'react-router';
import { cn } from '@/components/ui/cn';

// One line of text that ends in an ellipsis when it does not fit. The full value shows on
// hover and on keyboard focus (a tooltip named by aria-describedby); text with nothing
// focusable inside becomes focusable itself, but only while it is cut.

let sharedObserver: ResizeObserver | undefined;
const onResize = new WeakMap<Element, () => void>();
function observe(element: Element, callback: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  sharedObserver ??= new ResizeObserver((entries) => {
    for (const entry of entries) onResize.get(entry.target)?.();
  });
  onResize.set(element, callback);
  sharedObserver.observe(element);
  return () => {
    onResize.delete(element);
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
  // directly: measuring must not re-render (a long list mounts hundreds of these).
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || hasOwnFocus) return;
    const measure = () => {
      if (isCut(element)) element.tabIndex = 0;
      else element.removeAttribute('tabindex');
    };
    measure();
    return observe(element, measure);
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
