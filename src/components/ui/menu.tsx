import { useId, useLayoutEffect, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Link } from 'react-router';
import { cn } from '@/components/ui/cn';
import { useFloating } from '@/components/ui/floating';

// A menu button as the WAI-ARIA Authoring Practices describe it: the button opens the menu
// and focus moves to an item; arrows, Home, End and a first letter move between items; Esc
// closes it and returns focus to the button; Tab, an outside press or choosing an item close it.

const items = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

/** The index focus moves to for a navigation key, wrapping at both ends; undefined for other keys. */
export function nextIndex(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

interface MenuProps {
  /** Names both the button and the menu, e.g. "Actions for cirros". */
  label: string;
  /** What the button shows (an icon: the label is its accessible name). */
  trigger: ReactNode;
  buttonClassName?: string;
  /** MenuItem and MenuLink elements. */
  children: ReactNode;
}

export function Menu({ label, trigger, buttonClassName, children }: MenuProps) {
  const { open, show, hide, anchorRef, panelRef } = useFloating<HTMLButtonElement, HTMLDivElement>('end');
  const [start, setStart] = useState<'first' | 'last'>('first');
  const menuId = useId();

  useLayoutEffect(() => {
    if (!open) return;
    const all = items(panelRef.current);
    (start === 'last' ? all.at(-1) : all[0])?.focus({ preventScroll: true });
  }, [open, start, panelRef]);

  const openAt = (which: 'first' | 'last') => {
    setStart(which);
    show();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    openAt(event.key === 'ArrowUp' ? 'last' : 'first');
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items(event.currentTarget);
    const current = all.indexOf(document.activeElement as HTMLElement);
    const target = nextIndex(event.key, current, all.length);
    if (target !== undefined) {
      event.preventDefault();
      all[target]?.focus();
    } else if (event.key === ' ' && document.activeElement instanceof HTMLAnchorElement) {
      // Space activates a link item as it does a button item.
      event.preventDefault();
      document.activeElement.click();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
      // Type-ahead: the next item starting with the typed character.
      const char = event.key.toLowerCase();
      const order = [...all.slice(current + 1), ...all.slice(0, current + 1)];
      order.find((item) => item.textContent?.trim().toLowerCase().startsWith(char))?.focus();
    }
  };

  // Choosing an item closes the menu; focus goes back to the button first, so a dialog the
  // item opens returns focus there when it closes.
  const onMenuClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest('[role="menuitem"]')) hide(true);
  };

  return (
    <>
      <button
        ref={anchorRef}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? hide(true) : openAt('first'))}
        onKeyDown={onButtonKeyDown}
        className={cn('inline-flex items-center rounded px-1.5 py-0.5 text-slate-500 dark:text-slate-400 hover:bg-slate-200 dark:hover:bg-slate-700', open && 'bg-slate-200 dark:bg-slate-700', buttonClassName)}
      >
        {trigger}
      </button>
      {open &&
        createPortal(
          <div
            ref={panelRef}
            id={menuId}
            role="menu"
            aria-label={label}
            tabIndex={-1}
            onKeyDown={onMenuKeyDown}
            onClick={onMenuClick}
            className="fixed top-0 left-0 z-50 flex w-44 flex-col overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          >
            {children}
          </div>,
          document.body,
        )}
    </>
  );
}

const itemClass = 'px-3 py-1 text-left outline-none focus:bg-slate-100 hover:bg-slate-100 dark:focus:bg-slate-800 dark:hover:bg-slate-800';
const dangerClass = 'text-red-700 focus:bg-red-50 hover:bg-red-50 dark:text-red-400 dark:focus:bg-red-950/40 dark:hover:bg-red-950/40';

export function MenuItem({ onSelect, danger = false, children }: { onSelect: () => void; danger?: boolean; children: ReactNode }) {
  return (
    <button type="button" role="menuitem" tabIndex={-1} onClick={onSelect} className={cn(itemClass, danger && dangerClass)}>
      {children}
    </button>
  );
}

export function MenuLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link role="menuitem" tabIndex={-1} to={to} className={itemClass}>
      {children}
    </Link>
  );
}
