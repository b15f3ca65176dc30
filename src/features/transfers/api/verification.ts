// Comparing what Loupe hashed with what Glance recorded: checksum (md5) and os_hash_value
// (os_hash_algo). Pure, so every case is tested.
import { toHashAlgorithm, type HashValues } from '@/features/transfers/api/hash-names';
import type { Verification } from '@/features/transfers/api/transfer-types';

export interface RecordedHashes {
  checksum?: string | null | undefined;
  os_hash_algo?: string | null | undefined;
  os_hash_value?: string | null | undefined;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function verify(recorded: RecordedHashes, computed: HashValues): Verification {
  const expected = { md5: recorded.checksum ?? null, algo: recorded.os_hash_algo ?? null, value: recorded.os_hash_value ?? null };
  const algorithm = toHashAlgorithm(recorded.os_hash_algo);
  const actual: Verification['actual'] = {};
  if (computed.md5) actual.md5 = computed.md5;
  if (algorithm && computed[algorithm]) {
    actual.algo = algorithm;
    actual.value = computed[algorithm];
  }
  const comparisons: boolean[] = [];
  if (expected.md5 && actual.md5) comparisons.push(same(expected.md5, actual.md5));
  if (expected.value && actual.value) comparisons.push(same(expected.value, actual.value));
  if (comparisons.includes(false)) return { state: 'mismatch', expected, actual };
  if (comparisons.length > 0) return { state: 'verified', expected, actual };
  let reason: string;
  if (!expected.md5 && !expected.value) reason = 'Glance has no checksum for this image.';
  else if (expected.value && !algorithm) reason = `Loupe cannot compute ${recorded.os_hash_algo ?? 'that hash'}, and Glance gave no md5 checksum.`;
  else reason = 'The data could not be hashed in this browser.';
  return { state: 'unavailable', expected, actual, reason };
}
