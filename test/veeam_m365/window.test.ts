// v6/v7 read the windowed global session listing as v8 does, instead of every job's whole history: a warm
// collection costs the job lists (for `lastStatus`), the windowed pages, and per running job at most its own
// listing (only when the window lacks its open session) and its log. The result is the same whether
// `endTimeLowerBound` filters by creation or by end time.
import type { M365Simulator } from '../../src/simulators/veeam_m365/server';
import { canonical, harness, NOW, sessionsOf, statusOf, value, type Harness } from './helpers';
import { wireSeconds } from '../../src/simulators/veeam_m365/shapes';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MIN = 60_000;
const BOUNDS = ['creation', 'end'] as const;
const BOUND = NOW - 7 * 86_400_000;

/** Jobs whose newest session has not ended (their `lastStatus` is Running). */
function runningJobs(sim: M365Simulator): number {
  return sim.data.jobs.filter((j) => {
    const newest = sim.data.sessions.filter((s) => s.jobId === j.id).sort((a, b) => b.start - a.start)[0];
    return newest?.end === null;
  }).length;
}

/** Pages of the windowed listing(s) at the documented page size of 10,000. */
function windowPages(sim: M365Simulator, version: string, by: 'creation' | 'end'): number {
  const inWindow = sim.data.sessions.filter((s) =>
    by === 'end' ? s.end !== null && s.end >= BOUND : s.start >= BOUND,
  );
  const pages = (n: number) => Math.floor(n / 10_000) + 1;
  if (version !== 'v6') return pages(inWindow.length);
  return (
    pages(inWindow.filter((s) => s.kind === 'Backup').length) + pages(inWindow.filter((s) => s.kind === 'Copy').length)
  );
}

describe.each(BOUNDS)('300 jobs, bounds by %s time', (by) => {
  test.each(['v6', 'v7'])(
    '%s: a warm collection costs the job lists, the window and the running jobs',
    async (version) => {
      h = await harness({ version, boundFilters: by, scale: { jobs: 300, orgs: 3 } }, { apiVersion: version as 'v6' });
      const cold = await h.collect(NOW);
      expect(cold.failed).toEqual([]);
      const before = h.sim.requests.length;
      const warm = await h.collect(NOW);
      expect(canonical(warm.samples)).toEqual(canonical(cold.samples));
      const running = runningJobs(h.sim);
      expect(running).toBeGreaterThan(40);
      const made = h.sim.requests.slice(before).map((r) => r.path);
      const own = made.filter((p) => /\/Jobs\/[^/]+\/JobSessions|jobId=/.test(p)).length;
      // Own listings only on a server that leaves open sessions out of the window.
      expect(own).toBe(by === 'end' ? running : 0);
      // /Jobs and /CopyJobs, the window, own listings, and the log of each running run.
      expect(made.length).toBe(2 + windowPages(h.sim, version, by) + own + running);
    },
  );
});

describe.each(['v6', 'v7', 'v8'])('%s', (version) => {
  test('bounds by creation or by end time give the same result', async () => {
    h = await harness({ version, boundFilters: 'creation', shuffle: 3, maxLimit: 30 });
    const creation = canonical((await h.collect()).samples);
    await h.close();
    h = await harness({ version, boundFilters: 'end', shuffle: 3, maxLimit: 30 });
    const end = await h.collect();
    expect(end.failed).toEqual([]);
    expect(canonical(end.samples)).toEqual(creation);
    expect(statusOf(end.samples, 'Teams - Every 4 Hours')).toBe('running');
  });
});

describe.each(['v6', 'v7'])('%s', (version) => {
  test.each(BOUNDS)('bounds by %s: a run started since the inventory was read is the last run', async (by) => {
    h = await harness({ version, boundFilters: by }, { apiVersion: version as 'v6' });
    await h.collect(NOW);
    const job = 'Exchange Online - Daily';
    const newest = sessionsOf(h.sim, job)[0]!;
    const start = NOW + MIN;
    h.sim.data.sessions.push({
      ...newest,
      id: 'c0ffee00-0000-4000-a000-000000000001',
      start,
      end: null,
      status: 'Running',
    });
    const out = await h.collect(NOW + 2 * MIN);
    expect(statusOf(out.samples, job)).toBe('running');
    expect(value(out.samples, 'backup_job_last_run_start_timestamp_seconds', { job_name: job })).toBe(
      wireSeconds(start),
    );
  });

  test('sessions without job links: each backup job is read on its own, copy jobs are left out', async () => {
    h = await harness({ version }, { apiVersion: version as 'v6' });
    const linked = await h.collect();
    await h.close();
    h = await harness({ version, sessionJobLinks: false }, { apiVersion: version as 'v6' });
    const out = await h.collect();
    const backup = h.sim.data.jobs.filter((j) => j.kind === 'Backup');
    expect(h.sim.count(/\/Jobs\/[^/]+\/JobSessions|jobId=/)).toBe(backup.length);
    expect(out.failed.map((f) => f.reason)).toEqual([
      expect.stringMatching(/^decode: copy job .*\(and 1 more items\)$/),
    ]);
    const backupOnly = (s: string[]) => s.filter((l) => !l.includes('"job_type","Copy"'));
    expect(backupOnly(canonical(out.samples))).toEqual(backupOnly(canonical(linked.samples)));
  });
});

test.each([
  ['v5', 'null'],
  ['v6', 'minvalue'],
  ['v6', 'null'],
  ['v6', 'absent'],
] as const)('%s, a running session whose endTime is %s: the run has not ended', async (version, runningEnd) => {
  h = await harness({ version, runningEnd, boundFilters: 'end' }, { apiVersion: version });
  const out = await h.collect();
  const l = { job_name: 'Teams - Every 4 Hours' };
  expect(statusOf(out.samples, l.job_name)).toBe('running');
  expect(value(out.samples, 'backup_job_last_run_end_timestamp_seconds', l)).toBeUndefined();
  expect(value(out.samples, 'backup_job_last_run_start_timestamp_seconds', l)).toBe(
    wireSeconds(sessionsOf(h.sim, l.job_name)[0]!.start),
  );
});
