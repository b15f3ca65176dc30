import { describe, expect, it } from 'vitest';
import { verify } from '@/features/transfers/api/verification';

const MD5 = '9e107d9d372bb6826bd81d3542a419d6';
const SHA = '07e547d9586f6a73f73fbac0435ed76951218fb7d0c8d788a309d785436bbb642e93a252a954f23912547d1e8a3b5ed6e1bfd7097821233fa0538f3db854fee6';

describe('verify', () => {
  it('is verified when md5 and the os_hash both match (case does not matter)', () => {
    const result = verify({ checksum: MD5.toUpperCase(), os_hash_algo: 'sha512', os_hash_value: SHA }, { md5: MD5, sha512: SHA });
    expect(result).toEqual({ state: 'verified', expected: { md5: MD5.toUpperCase(), algo: 'sha512', value: SHA }, actual: { md5: MD5, algo: 'sha512', value: SHA } });
  });

  it.each([
    ['md5 differs', { md5: '0'.repeat(32), sha512: SHA }],
    ['sha512 differs', { md5: MD5, sha512: 'f'.repeat(128) }],
  ])('is a mismatch with both values when %s', (_name, computed) => {
    const result = verify({ checksum: MD5, os_hash_algo: 'sha512', os_hash_value: SHA }, computed);
    expect(result.state).toBe('mismatch');
    expect(result.expected).toEqual({ md5: MD5, algo: 'sha512', value: SHA });
    expect(result.actual).toEqual({ md5: computed.md5, algo: 'sha512', value: computed.sha512 });
  });

  it('verifies on md5 alone when the cloud uses an algorithm Loupe cannot compute', () => {
    expect(verify({ checksum: MD5, os_hash_algo: 'whirlpool', os_hash_value: 'abc' }, { md5: MD5 }).state).toBe('verified');
  });

  it('verifies on the os_hash alone when Glance has no md5 checksum', () => {
    expect(verify({ checksum: null, os_hash_algo: 'sha256', os_hash_value: 'ab' }, { md5: MD5, sha256: 'AB' }).state).toBe('verified');
  });

  it.each([
    ['Glance recorded nothing', { checksum: null, os_hash_algo: null, os_hash_value: null }, { md5: MD5 }, 'Glance has no checksum for this image.'],
    ['only an unknown algorithm', { checksum: null, os_hash_algo: 'whirlpool', os_hash_value: 'abc' }, { md5: MD5 }, 'Loupe cannot compute whirlpool, and Glance gave no md5 checksum.'],
    ['nothing was computed', { checksum: MD5, os_hash_algo: 'sha512', os_hash_value: SHA }, {}, 'The data could not be hashed in this browser.'],
  ])('is unavailable, saying why, when %s', (_name, recorded, computed, reason) => {
    expect(verify(recorded, computed)).toMatchObject({ state: 'unavailable', reason });
  });
});
