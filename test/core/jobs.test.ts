import { lastRun, lastSuccess, normaliseEnd, mapStatus, type Run } from '../../src/core/jobs';

const now = 1_700_000_000;
const policy = { now, lookbackSeconds: 7 * 86400, warningIsSuccess: true };
const run = (id: string, start: number, end: number | undefined, state: Run['state']): Run => ({
  id,
  start,
  ...(end === undefined ? {} : { end }),
  state,
  vendorStatus: state,
});

const runs: Run[] = [
  run('a', now - 3 * 3600, now - 3 * 3600 + 600, 'success'),
  run('b', now - 2 * 3600, now - 2 * 3600 + 900, 'failed'),
  run('c', now - 3600, now - 1800, 'warning'),
  run('d', now - 600, undefined, 'running'),
  run('old', now - 8 * 86400, now - 8 * 86400 + 60, 'success'),
];

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('job model', () => {
  test('the last run is the newest start within lookback, whatever the list order', () => {
    for (let seed = 1; seed < 20; seed++) {
      expect(lastRun(shuffled(runs, seed), policy)?.id).toBe('d');
      expect(lastSuccess(shuffled(runs, seed), policy)?.id).toBe('c');
    }
  });

  test('warning counts as success only with warning_is_success', () => {
    expect(lastSuccess(runs, { ...policy, warningIsSuccess: false })?.id).toBe('a');
  });

  test('runs outside lookback are ignored', () => {
    expect(lastRun([runs[4]!], policy)).toBeUndefined();
    expect(lastSuccess([runs[4]!], policy)).toBeUndefined();
  });

  test('equal start times are broken by id, not by list order', () => {
    const x = [run('x', now - 10, now - 5, 'success'), run('y', now - 10, now - 5, 'failed')];
    expect(lastRun(x, policy)?.id).toBe('y');
    expect(lastRun([...x].reverse(), policy)?.id).toBe('y');
  });

  test.each([
    [100, undefined, undefined],
    [100, 0, undefined],
    [100, -62135596800, undefined],
    [100, 99, undefined],
    [100, 100, 100],
    [100, 160, 160],
  ])('end %p/%p normalises to %p', (start, end, expected) => {
    expect(normaliseEnd(start, end)).toBe(expected);
  });

  test('status tables are case-insensitive and fall back to unknown', () => {
    const table = { success: 'success', warning: 'warning' } as const;
    expect(mapStatus(table, 'SUCCESS')).toBe('success');
    expect(mapStatus(table, 'Weird')).toBe('unknown');
  });
});
