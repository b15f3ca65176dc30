// @vitest-environment node
// The arithmetic of `npm test`'s summary, on reports shaped like the ones vitest 4 and
// Playwright 1.5x write (trimmed to the fields the summary reads).
import { describe, expect, it } from 'vitest';
import { e2eCounts, summarize, unitCounts } from './lib.mjs';

const vitestReport = {
  numPassedTests: 5,
  numFailedTests: 1,
  numPendingTests: 1,
  numTodoTests: 1,
  numFailedTestSuites: 3,
  testResults: [
    { name: '/repo/src/a.test.ts', status: 'passed', message: '', assertionResults: [{ status: 'passed' }, { status: 'passed' }] },
    { name: '/repo/src/b.test.ts', status: 'failed', message: '', assertionResults: [{ status: 'passed' }, { status: 'failed' }, { status: 'skipped' }, { status: 'todo' }] },
    // An import error: the file has no test results at all.
    { name: '/repo/src/c.test.ts', status: 'failed', message: "Cannot find module './gone' imported from /repo/src/c.test.ts\n  at …", assertionResults: [] },
    // An afterAll hook that threw: its tests passed, the file failed.
    { name: '/repo/src/d.test.ts', status: 'failed', message: 'hook', assertionResults: [{ status: 'passed' }, { status: 'passed' }] },
  ],
};

const test = (status, expectedStatus = 'passed') => ({ status, expectedStatus });
const playwrightReport = {
  stats: { expected: 3, skipped: 5, unexpected: 1, flaky: 1 },
  errors: [],
  suites: [
    {
      title: 'images.spec.ts',
      specs: [],
      suites: [
        {
          title: 'editing', // a serial describe: after the failure, the rest never ran
          specs: [
            { title: 'one', tests: [test('expected')] },
            { title: 'two', tests: [test('unexpected')] },
            { title: 'three', tests: [test('skipped')] },
            { title: 'four', tests: [test('skipped')] },
          ],
        },
      ],
    },
    {
      title: 'auth.spec.ts',
      specs: [
        { title: 'signs in', tests: [test('expected')] },
        { title: 'retried', tests: [test('flaky')] },
        { title: 'declared skip', tests: [test('skipped', 'skipped')] },
        { title: 'fixme', tests: [test('skipped', 'skipped')] },
        { title: 'expected to fail, and did', tests: [test('expected', 'failed')] },
      ],
    },
  ],
};

describe('unitCounts', () => {
  it('counts a file that failed outside any test as one failure', () => {
    const counts = unitCounts(vitestReport);
    expect(counts).toMatchObject({ passed: 5, failed: 3, skipped: 2 });
    expect(counts.brokenFiles).toEqual([
      { file: '/repo/src/c.test.ts', message: "Cannot find module './gone' imported from /repo/src/c.test.ts" },
      { file: '/repo/src/d.test.ts', message: 'hook' },
    ]);
  });

  it('counts nothing extra for a clean run', () => {
    const clean = { numPassedTests: 2, numFailedTests: 0, testResults: [{ name: 'a', status: 'passed', assertionResults: [{ status: 'passed' }, { status: 'passed' }] }] };
    expect(unitCounts(clean)).toEqual({ passed: 2, failed: 0, skipped: 0, brokenFiles: [] });
  });
});

describe('e2eCounts', () => {
  it('counts tests that never ran as failed and tests skipped on purpose as skipped', () => {
    const counts = e2eCounts(playwrightReport);
    expect(counts).toMatchObject({ passed: 4, flaky: 1, failedTests: 1, skipped: 2, failed: 3 });
    expect(counts.didNotRun).toEqual(['images.spec.ts › editing › three', 'images.spec.ts › editing › four']);
  });

  it('counts each error outside the tests as a failure (a spec that did not load runs nothing)', () => {
    const counts = e2eCounts({ stats: { expected: 0, skipped: 0, unexpected: 0, flaky: 0 }, suites: [], errors: [{ message: "Error: Cannot find module './nope'\n    at …" }] });
    expect(counts).toMatchObject({ passed: 0, failed: 1, errors: ["Error: Cannot find module './nope'"] });
  });

  it('reads a --list report as the tests due to run', () => {
    const listed = { suites: [{ title: 'a.spec.ts', specs: [{ title: 'x', tests: [test('skipped')] }, { title: 'y', tests: [test('skipped')] }, { title: 'z', tests: [test('skipped', 'skipped')] }] }], errors: [] };
    expect(e2eCounts(listed).didNotRun).toHaveLength(2);
  });
});

describe('summarize', () => {
  const ok = (name, kind = 'check') => ({ name, kind, status: 'ok', seconds: 1 });

  it('adds unit and e2e counts, and ends with the closing line CI reads', () => {
    const summary = summarize([ok('typecheck'), ok('lint'), { ...ok('unit tests', 'unit'), status: 'failed', report: vitestReport }, ok('build'), { ...ok('end-to-end tests', 'e2e'), status: 'failed', report: playwrightReport }]);
    expect(summary).toMatchObject({ passed: 9, failed: 6, closing: '9 passed, 6 failed' });
    expect(summary.lines).toContain('unit: 5 passed, 3 failed, 2 skipped');
    expect(summary.lines).toContain('e2e: 4 passed (1 flaky), 1 failed, 2 did not run, 2 skipped');
    expect(summary.lines).toContain('  did not run (counted as failed): images.spec.ts › editing › four');
    expect(summary.lines.some((line) => line.includes('/repo/src/c.test.ts'))).toBe(true);
  });

  it('counts a failed check once, and says the run was clean only when nothing failed', () => {
    const clean = { numPassedTests: 3, numFailedTests: 0, testResults: [] };
    const passingE2e = { suites: [{ title: 'a', specs: [{ title: 'b', tests: [test('expected')] }] }], errors: [] };
    const steps = [ok('typecheck'), ok('lint'), { ...ok('unit tests', 'unit'), report: clean }, ok('build'), { ...ok('end-to-end tests', 'e2e'), report: passingE2e }];
    expect(summarize(steps).closing).toBe('4 passed, 0 failed');
    steps[1] = { ...steps[1], status: 'failed' };
    expect(summarize(steps).closing).toBe('4 passed, 1 failed');
    expect(summarize(steps).lines).toContain('FAIL lint (1 s)');
  });

  it('reports a failed build, and the e2e run it prevented, as failures', () => {
    const clean = { numPassedTests: 3, numFailedTests: 0, testResults: [] };
    const steps = [ok('typecheck'), { ...ok('unit tests', 'unit'), report: clean }, { ...ok('build'), status: 'failed' }];
    const known = summarize([...steps, { name: 'end-to-end tests', kind: 'e2e', status: 'not run', reason: 'the build failed', dueToRun: 57 }]);
    expect(known.closing).toBe('3 passed, 58 failed');
    expect(known.lines).toContain('--   end-to-end tests: did not run (the build failed)');
    expect(known.lines).toContain('e2e: did not run; its 57 tests count as failed');
    const unknown = summarize([...steps, { name: 'end-to-end tests', kind: 'e2e', status: 'not run', reason: 'the build failed' }]);
    expect(unknown.closing).toBe('3 passed, 2 failed');
  });

  it('counts a runner that failed without a report, or without a failed test, as one failure', () => {
    expect(summarize([{ ...ok('unit tests', 'unit'), status: 'failed' }]).closing).toBe('0 passed, 1 failed');
    const clean = { numPassedTests: 3, numFailedTests: 0, testResults: [] };
    const summary = summarize([{ ...ok('unit tests', 'unit'), status: 'failed', report: clean }]);
    expect(summary.closing).toBe('3 passed, 1 failed');
    expect(summary.lines.at(-1)).toMatch(/exited with an error although no test failed/);
  });

  it('adds a second unit run (the long tests) to the totals, under its own label', () => {
    const main = { numPassedTests: 3, numFailedTests: 0, numPendingTests: 1, testResults: [] };
    const long = { numPassedTests: 1, numFailedTests: 0, testResults: [] };
    const summary = summarize([{ ...ok('unit tests', 'unit'), report: main }, { ...ok('long unit tests', 'unit'), label: 'unit (long)', report: long }]);
    expect(summary.closing).toBe('4 passed, 0 failed');
    expect(summary.lines).toContain('unit: 3 passed, 0 failed, 1 skipped');
    expect(summary.lines).toContain('unit (long): 1 passed, 0 failed, 0 skipped');
  });

  it('always closes with exactly "N passed, N failed"', () => {
    for (const steps of [[], [{ name: 'x', kind: 'e2e', status: 'not run' }], [ok('lint')]]) {
      expect(summarize(steps).closing).toMatch(/^\d+ passed, \d+ failed$/);
    }
  });
});
