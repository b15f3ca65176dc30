import { describe, expect, it } from 'vitest';
import { resolveTargets, splitTargets } from '@/features/members/api/member-targets';

const BETA = '884c765f48854dce8b0bad4bfd8a7067';
const GAMMA = '11111111222233334444555555555555';
const projects = new Map([
  [BETA, 'beta'],
  ['aaaaaaaabbbbccccddddeeeeeeeeeeee', 'Twin'],
  ['ffffffffbbbbccccddddeeeeeeeeeeee', 'twin'],
]);

describe('splitTargets', () => {
  it('splits on commas, spaces and new lines, dropping blanks and repeats', () => {
    expect(splitTargets(' beta, gamma\n\nbeta  delta,')).toEqual(['beta', 'gamma', 'delta']);
    expect(splitTargets('  ')).toEqual([]);
  });
});

describe('resolveTargets', () => {
  it.each([
    ['beta', { projectId: BETA, name: 'beta' }],
    ['BETA', { projectId: BETA, name: 'beta' }],
    [BETA, { projectId: BETA, name: 'beta' }],
    [GAMMA, { projectId: GAMMA }],
    ['12345678-1234-1234-1234-123456789abc', { projectId: '12345678-1234-1234-1234-123456789abc' }],
    ['Twin', { projectId: 'aaaaaaaabbbbccccddddeeeeeeeeeeee', name: 'Twin' }],
  ])('%s resolves to a project', (input, expected) => {
    expect(resolveTargets([input], { projects })).toEqual([{ input, ...expected }]);
  });

  it.each([
    ['gamma', /No project you can look up is called “gamma”. Enter the project’s ID/],
    ['TWIN', /More than one project you can see is called “TWIN”/],
    ['a'.repeat(256), /at most 255 characters/],
  ])('%s is refused with what to do', (input, message) => {
    const [target] = resolveTargets([input], { projects });
    expect(target && 'error' in target && target.error).toMatch(message);
  });

  it('reports the owner, current members and a project named twice instead of sending them', () => {
    const targets = resolveTargets(['beta', GAMMA, 'Twin', BETA], { projects, members: new Set([GAMMA]), ownerId: 'aaaaaaaabbbbccccddddeeeeeeeeeeee' });
    expect(targets).toEqual([
      { input: 'beta', projectId: BETA, name: 'beta' },
      { input: GAMMA, error: `${GAMMA} is already a member of this image.` },
      { input: 'Twin', error: 'Twin owns this image: it needs no membership.' },
      { input: BETA, error: 'beta is listed twice.' },
    ]);
  });
});
