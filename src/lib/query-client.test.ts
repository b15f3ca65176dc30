import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { shouldRetryRead } from '@/lib/query-client';

const error = (status: number, kind: 'http' | 'network' = 'http') => new ApiError({ status, service: 'glance', message: '', kind });

describe('shouldRetryRead', () => {
  it('retries network errors and 5xx, at most twice', () => {
    expect(shouldRetryRead(0, error(0, 'network'))).toBe(true);
    expect(shouldRetryRead(1, error(503))).toBe(true);
    expect(shouldRetryRead(2, error(503))).toBe(false);
  });
  it('never retries 4xx', () => {
    for (const status of [400, 401, 403, 404, 409, 413]) expect(shouldRetryRead(0, error(status))).toBe(false);
  });
  it('does not retry unknown errors', () => {
    expect(shouldRetryRead(0, new Error('x'))).toBe(false);
  });
});
