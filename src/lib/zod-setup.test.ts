import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { globalConfig } from 'zod/v4/core';

describe('zod as the app imports it', () => {
  it('runs without its JIT, so nothing probes eval under the CSP, and still parses', () => {
    expect(globalConfig.jitless).toBe(true);
    expect(z.looseObject({ a: z.number() }).parse({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
  });
});
