// Per-browser preferences (theme, last project, column choices). Never tokens or API data.
const PREFIX = 'loupe.pref.';

export function readPref<T>(key: string, parse: (raw: unknown) => T | undefined): T | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? undefined : parse(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

export function writePref(key: string, value: unknown): void {
  try {
    // eslint-disable-next-line no-restricted-properties -- the one sanctioned writer of localStorage
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // storage full or disabled: preferences are a convenience only
  }
}

export const asString = (raw: unknown): string | undefined => (typeof raw === 'string' ? raw : undefined);
