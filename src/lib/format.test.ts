import { describe, expect, it } from 'vitest';
import { formatBytes, formatRelative, parseApiTime, parseBytes } from '@/lib/format';

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
});
