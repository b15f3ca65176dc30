import { describe, expect, it } from 'vitest';
import { afterLogin, loginState, paths } from '@/config/paths';

describe('afterLogin', () => {
  it('goes back to the page that asked for a login', () => {
    expect(afterLogin(loginState('/tasks?status=failure'))).toBe('/tasks?status=failure');
  });

  it.each([
    ['no state', null],
    ['a state of another shape', { from: 42 }],
    ['a string state', '/tasks'],
    ['the login page itself', loginState(paths.login)],
  ])('falls back to the images list for %s', (_, state) => expect(afterLogin(state)).toBe(paths.images));
});
