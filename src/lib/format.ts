// Human-readable sizes and times, shared by every feature.
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** 1536 → "1.5 KiB"; null → "—". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${String(Number(value.toFixed(digits)))} ${UNITS[unit]}`;
}

// Number#toLocaleString builds a new formatter on every call; a long list formats hundreds.
const count = new Intl.NumberFormat();

/** 1234567 → "1,234,567" in the reader's locale. */
export function formatCount(value: number): string {
  return count.format(value);
}

/** "1.5 GiB", "512MB", "2 g", "1024" → bytes; undefined when it can't be read. */
export function parseBytes(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b?)\s*$/i.exec(text);
  if (!match) return undefined;
  const [, amount, prefix = '', suffix = ''] = match;
  const power = ' kmgtp'.indexOf(prefix.toLowerCase() || ' ');
  // "MB" and "MiB" both mean mebibytes here, as Glance sizes are binary everywhere else in the UI.
  if (suffix && !/^i?b$/i.test(suffix)) return undefined;
  const bytes = Number(amount) * 1024 ** power;
  return Number.isFinite(bytes) ? Math.round(bytes) : undefined;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** Glance timestamps sometimes lack the zone (image tasks): they are UTC. */
export function parseApiTime(iso: string): number {
  const withZone = /(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`;
  return Date.parse(withZone);
}

/**
 * Formatted strings by their inputs: Intl's format calls dominate the cost of mounting a
 * table row, and a list shows the same few hundred values over and over while it scrolls.
 */
function memoised<Key extends string>(format: (key: Key) => string, limit = 5000): (key: Key) => string {
  const cache = new Map<Key, string>();
  return (key) => {
    let text = cache.get(key);
    if (text === undefined) {
      if (cache.size >= limit) cache.clear();
      text = format(key);
      cache.set(key, text);
    }
    return text;
  };
}

const relativeText = memoised((key: `${number} ${Intl.RelativeTimeFormatUnit}`) => {
  const [amount, unit] = key.split(' ') as [string, Intl.RelativeTimeFormatUnit];
  return relative.format(Number(amount), unit);
});

export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const seconds = Math.round((parseApiTime(iso) - now) / 1000);
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size || unit === 'second') return relativeText(`${Math.round(seconds / size)} ${unit}`);
  }
  return iso;
}

// toLocaleString's own fields, with the formatter built once: a long list formats hundreds of times.
const absolute = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

const absoluteText = memoised((iso: string) => {
  const time = parseApiTime(iso);
  return Number.isNaN(time) ? iso : absolute.format(time);
});

export function formatAbsolute(iso: string | null | undefined): string {
  return iso ? absoluteText(iso) : '—';
}
