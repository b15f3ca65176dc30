import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

// What menus and popovers share: where the panel goes (a portal with position: fixed, so no
// scroll container clips it), how it is dismissed (Esc with focus back on the button, an
// outside press, a scroll, Tab out of it) and the rule that only one is open in the whole app.

export interface AnchorRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Placement {
  top: number;
  left: number;
  /** The room on the chosen side: a taller panel scrolls inside it. */
  maxHeight: number;
  side: 'below' | 'above';
}

const GAP = 4;
const MARGIN = 8;
const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

/**
 * Below the anchor when the panel fits there, else above when it fits there, else on the
 * roomier side (scrolling inside). Aligned to the anchor's right (`end`) or left (`start`)
 * edge, and always clamped into the viewport.
 */
export function placeFloating(anchor: AnchorRect, panel: Size, viewport: Size, align: 'start' | 'end' = 'end'): Placement {
  const roomBelow = viewport.height - MARGIN - (anchor.bottom + GAP);
  const roomAbove = anchor.top - GAP - MARGIN;
  const side = panel.height <= roomBelow || (panel.height > roomAbove && roomBelow >= roomAbove) ? 'below' : 'above';
  const maxHeight = Math.max(0, side === 'below' ? roomBelow : roomAbove);
  const height = Math.min(panel.height, maxHeight);
  const wanted = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - height;
  const top = clamp(wanted, MARGIN, Math.max(MARGIN, viewport.height - MARGIN - height));
  const width = Math.min(panel.width, viewport.width - 2 * MARGIN);
  const left = clamp(align === 'end' ? anchor.right - width : anchor.left, MARGIN, Math.max(MARGIN, viewport.width - MARGIN - width));
  return { top, left, maxHeight, side };
}

// One menu or popover open at a time: opening one closes whichever was open.
let closeOpen: (() => void) | null = null;

/** Elements inside `root` that Tab would reach, in order. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
    (element) => !element.hasAttribute('disabled') && element.tabIndex >= 0,
  );
}

export interface Floating<A extends HTMLElement, P extends HTMLElement> {
  open: boolean;
  /** Opens the panel (closing any other one). */
  show: () => void;
  /** Closes the panel; `returnFocus` puts focus back on the button. */
  hide: (returnFocus: boolean) => void;
  anchorRef: RefObject<A | null>;
  panelRef: RefObject<P | null>;
}

export function useFloating<A extends HTMLElement, P extends HTMLElement>(align: 'start' | 'end' = 'end'): Floating<A, P> {
  const [open, setOpen] = useState(false);
  const anchorRef = useRef<A>(null);
  const panelRef = useRef<P>(null);
  // Where the anchor was when the panel was placed: a scroll that moves it closes the panel.
  const placedAt = useRef({ top: 0, left: 0 });
  // A stable identity for the one-open registry.
  const [closer] = useState(() => () => setOpen(false));

  const show = useCallback(() => {
    if (closeOpen && closeOpen !== closer) closeOpen();
    closeOpen = closer;
    setOpen(true);
  }, [closer]);
  const hide = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) anchorRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    return () => {
      if (closeOpen === closer) closeOpen = null;
    };
  }, [open, closer]);

  // Placed before the first paint, and again when the window changes size.
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const anchor = anchorRef.current;
      const panel = panelRef.current;
      if (!anchor || !panel) return;
      panel.style.maxHeight = '';
      const { width, height } = panel.getBoundingClientRect();
      const rect = anchor.getBoundingClientRect();
      placedAt.current = { top: rect.top, left: rect.left };
      const placement = placeFloating(rect, { width, height }, { width: window.innerWidth, height: window.innerHeight }, align);
      panel.style.top = `${placement.top}px`;
      panel.style.left = `${placement.left}px`;
      panel.style.maxHeight = `${placement.maxHeight}px`;
      panel.dataset.side = placement.side;
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open, align]);

  useEffect(() => {
    if (!open) return;
    // Tab out of the panel closes it. The panel lives at the end of <body>, so focus goes to
    // the button and the browser's Tab carries on from there: forwards to the control after
    // the button; backwards (prevented), the button itself.
    const tabOut = (event: KeyboardEvent) => {
      const panel = panelRef.current;
      if (!panel || !(document.activeElement instanceof Node) || !panel.contains(document.activeElement)) return;
      const items = tabbables(panel);
      if (items.length > 0 && document.activeElement !== (event.shiftKey ? items[0] : items.at(-1))) return;
      hide(true);
      if (event.shiftKey) event.preventDefault();
    };
    const inside = (target: EventTarget | null) =>
      target instanceof Node && (anchorRef.current?.contains(target) === true || panelRef.current?.contains(target) === true);
    const onPointerDown = (event: PointerEvent) => {
      if (!inside(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        hide(true);
      } else if (event.key === 'Tab') {
        tabOut(event);
      }
    };
    // The panel is fixed to where the button was: a scroll that moves the button closes it
    // (scrolling inside the panel, or somewhere that leaves the button in place, does not).
    const onScroll = () => {
      const rect = anchorRef.current?.getBoundingClientRect();
      if (!rect || Math.abs(rect.top - placedAt.current.top) > 1 || Math.abs(rect.left - placedAt.current.left) > 1) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('scroll', onScroll, true);
    };
  }, [open, hide]);

  return { open, show, hide, anchorRef, panelRef };
}
