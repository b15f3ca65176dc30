import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatBytes, formatCount, formatRelative, parseApiTime, parseBytes } from '@/lib/format';

describe('formatBytes', () => {
  it.each([
    [null, '—'],
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [10 * 1024 * 1024, '10 MiB'],
    [1.25 * 1024 ** 3, '1.25 GiB'],
  ])('%s → %s', (input, expected) => expect(formatBytes(input)).toBe(expected));
});

describe('parseBytes', () => {
  it.each([
    ['1024', 1024],
    ['1.5 KiB', 1536],
    ['2g', 2 * 1024 ** 3],
    ['512MB', 512 * 1024 ** 2],
    [' 3 mib ', 3 * 1024 ** 2],
  ])('%s → %s', (input, expected) => expect(parseBytes(input)).toBe(expected));
  it.each(['12 XB', '', 'abc', '-1', '1..2 k'])('rejects %j', (input) => expect(parseBytes(input)).toBeUndefined());
});

describe('times', () => {
  it('reads zone-less task timestamps as UTC', () => {
    expect(parseApiTime('2026-11-22T10:54:58.998545')).toBe(Date.parse('2026-11-22T10:54:58.998545Z'));
  });
  it('formats relative times', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(formatRelative('2026-11-22T11:00:00Z', now)).toMatch(/hour/);
    expect(formatRelative(null, now)).toBe('—');
  });
  // The formatted strings are cached by their inputs: the cache must not mix inputs up.
  it('gives each amount and unit its own text, the same on a second call', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    const cases: [string, string][] = [
      ['2026-11-22T11:00:00Z', rtf.format(-1, 'hour')],
      ['2026-11-22T09:00:00Z', rtf.format(-3, 'hour')],
      ['2026-11-19T12:00:00Z', rtf.format(-3, 'day')],
      ['2026-11-22T12:00:30Z', rtf.format(30, 'second')],
    ];
    for (let round = 0; round < 2; round += 1) {
      for (const [iso, text] of cases) expect(formatRelative(iso, now)).toBe(text);
    }
  });
  it('formats absolute times once per value and passes unreadable ones through', () => {
    const iso = '2026-11-22T10:54:58Z';
    const text = new Date(Date.parse(iso)).toLocaleString(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    expect(formatAbsolute(iso)).toBe(text);
    expect(formatAbsolute(iso)).toBe(text);
    expect(formatAbsolute('not a time')).toBe('not a time');
    expect(formatAbsolute(undefined)).toBe('—');
  });
});

describe('formatCount', () => {
  it('groups digits as the locale does', () => {
    expect(formatCount(1234567)).toBe((1234567).toLocaleString());
    expect(formatCount(0)).toBe('0');
  });
});
