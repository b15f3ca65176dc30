import { useCallback, useSyncExternalStore } from 'react';
import { readPref, writePref } from '@/lib/prefs';

type Theme = 'light' | 'dark';
const listeners = new Set<() => void>();

function systemTheme(): Theme {
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  return readPref<Theme>('theme', (raw) => (raw === 'dark' || raw === 'light' ? raw : undefined)) ?? systemTheme();
}

/** Applies the saved (or system) theme to <html>; called once before the first render. */
export function applyTheme(theme: Theme = currentTheme()): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
}

export function useTheme(): [Theme, () => void] {
  const theme = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentTheme,
    () => 'light' as Theme,
  );
  const toggle = useCallback(() => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
    writePref('theme', next);
    applyTheme(next);
    listeners.forEach((listener) => listener());
  }, []);
  return [theme, toggle];
}
