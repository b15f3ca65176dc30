import { useSyncExternalStore } from 'react';
import { cn } from '@/components/ui/cn';

export interface Toast {
  id: number;
  tone: 'success' | 'error' | 'info';
  title: string;
  detail?: string | undefined;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function dismissToast(id: number): void {
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

/** Shows a message in the corner; errors stay until dismissed, others fade after 5 s. */
export function toast(tone: Toast['tone'], title: string, detail?: string): void {
  const id = nextId++;
  toasts = [...toasts.slice(-4), { id, tone, title, detail }];
  emit();
  if (tone !== 'error') setTimeout(() => dismissToast(id), 5000);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const TONES: Record<Toast['tone'], string> = {
  success: 'border-emerald-600',
  error: 'border-red-600',
  info: 'border-sky-600',
};

export function Toaster() {
  const items = useSyncExternalStore(subscribe, () => toasts, () => toasts);
  return (
    <section aria-label="Notifications" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2">
      {items.map((item) => (
        <div
          key={item.id}
          role={item.tone === 'error' ? 'alert' : 'status'}
          className={cn(
            'pointer-events-auto rounded-md border-l-4 bg-white p-3 text-sm shadow-lg dark:bg-slate-800',
            TONES[item.tone],
          )}
        >
          <div className="flex items-start justify-between gap-2">
            <p className="font-medium">{item.title}</p>
            <button
              type="button"
              onClick={() => dismissToast(item.id)}
              className="text-slate-500 dark:text-slate-400 hover:text-slate-800 dark:hover:text-slate-200"
              aria-label={`Dismiss: ${item.title}`}
            >
              ×
            </button>
          </div>
          {item.detail && <p className="mt-1 text-slate-600 dark:text-slate-300">{item.detail}</p>}
        </div>
      ))}
    </section>
  );
}
