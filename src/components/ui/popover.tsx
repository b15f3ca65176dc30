import { useId, useLayoutEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { cn } from '@/components/ui/cn';
import { tabbables, useFloating } from '@/components/ui/floating';

interface PopoverProps {
  /** The button's text; also names the panel. */
  label: string;
  /** Shown on the button instead of the label (the label stays its accessible name). */
  trigger?: ReactNode;
  buttonClassName?: string;
  panelClassName?: string;
  children: ReactNode;
}

/**
 * A button that opens a small non-modal panel of controls (e.g. column choices). Focus moves
 * into the panel; Esc closes it and returns focus to the button; an outside press, a scroll or
 * Tab past its last control closes it; opening it closes any other menu or popover.
 */
export function Popover({ label, trigger, buttonClassName, panelClassName, children }: PopoverProps) {
  const { open, show, hide, anchorRef, panelRef } = useFloating<HTMLButtonElement, HTMLDivElement>('end');
  const panelId = useId();

  useLayoutEffect(() => {
    if (open && panelRef.current) (tabbables(panelRef.current)[0] ?? panelRef.current).focus({ preventScroll: true });
  }, [open, panelRef]);

  return (
    <>
      <button
        ref={anchorRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={trigger ? label : undefined}
        onClick={() => (open ? hide(true) : show())}
        className={cn(
          'inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800',
          open && 'bg-slate-100 dark:bg-slate-800',
          buttonClassName,
        )}
      >
        {trigger ?? label}
      </button>
      {open &&
        createPortal(
          <div
            ref={panelRef}
            id={panelId}
            role="dialog"
            aria-label={label}
            tabIndex={-1}
            className={cn(
              'fixed top-0 left-0 z-50 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
              panelClassName,
            )}
          >
            {children}
          </div>,
          document.body,
        )}
    </>
  );
}
