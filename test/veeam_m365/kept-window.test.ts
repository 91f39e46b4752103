// v8 keeps the session window between collections: a warm collection asks only for sessions since the previous
// read (less 15 minutes of clock skew), reads a kept open session by id when no listing returns it, and reads the
// whole window again after inventory_ttl, after a failure and when the clock went back. Both readings of
// `endTimeLowerBound` give the same result.
import { veeamM365 } from '../../src/products/veeam_m365';
import { wireSeconds } from '../../src/simulators/veeam_m365/shapes';
import { startSessionHarness } from '../helpers/session';
import { canonical, harness, type Harness, NOW, sessionsOf, statusOf, value } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MIN = 60_000;
const WHOLE = NOW - 7 * 86_400_000;
const BOUNDS = ['creation', 'end'] as const;
const RUNNING_JOB = 'Teams - Every 4 Hours';

/** The `endTimeLowerBound` (ms) of each windowed listing requested since request number `from`. */
function bounds(sim: Harness['sim'], from: number): number[] {
  return sim.requests.slice(from).flatMap((r) => {
    const b = new URL(r.path, 'http://x').searchParams.get('endTimeLowerBound');
    return b === null ? [] : [Date.parse(b)];
  });
}

/** Requests for one session by id since request number `from`. */
function readsById(sim: Harness['sim'], from: number): string[] {
  return sim.requests
    .slice(from)
    .map((r) => r.path)
    .filter((p) => /\/JobSessions\/[^/?]+(\?|$)/.test(p));
}

describe.each(BOUNDS)('bounds by %s time', (by) => {
  test('a warm collection asks only for what is new and gives the same series', async () => {
    h = await harness({ boundFilters: by });
    const cold = await h.collect(NOW);
    const before = h.sim.requests.length;
    // At the same clock: a running run's duration grows with it.
    const warm = await h.collect(NOW);
    expect(bounds(h.sim, 0)).toEqual([WHOLE, NOW - 15 * MIN]);
    expect(readsById(h.sim, before)).toEqual([]);
    expect(canonical(warm.samples)).toEqual(canonical(cold.samples));
  });

  test('a run that ended since the previous read: its end and status', async () => {
    h = await harness({ boundFilters: by });
    expect(statusOf((await h.collect(NOW)).samples, RUNNING_JOB)).toBe('running');
    const run = sessionsOf(h.sim, RUNNING_JOB)[0]!;
    run.end = NOW + MIN;
    run.status = 'Failed';
    const before = h.sim.requests.length;
    const out = await h.collect(NOW + 2 * MIN);
    expect(out.failed).toEqual([]);
    expect(statusOf(out.samples, RUNNING_JOB)).toBe('failed');
    const l = { job_name: RUNNING_JOB };
    expect(value(out.samples, 'backup_job_last_run_end_timestamp_seconds', l)).toBe(wireSeconds(NOW + MIN));
    // Read by id only where the windowed listing cannot return it (a server that filters by creation time).
    expect(readsById(h.sim, before)).toHaveLength(by === 'creation' ? 1 : 0);
  });

  test('a run started since, and one listed late (a server clock 10 minutes behind), are both seen', async () => {
    h = await harness({ boundFilters: by });
    await h.collect(NOW);
    const added = [
      ['Exchange Online - Daily', NOW + MIN, 'c0ffee00-0000-4000-a000-000000000001'],
      ['SharePoint - Hourly', NOW - 10 * MIN, 'c0ffee00-0000-4000-a000-000000000002'],
    ] as const;
    for (const [job, start, id] of added) {
      const newest = sessionsOf(h.sim, job)[0]!;
      h.sim.data.sessions.push({ ...newest, id, start, end: start + 30_000, status: 'Failed' });
    }
    const out = await h.collect(NOW + 2 * MIN);
    for (const [job, start] of added) {
      expect(statusOf(out.samples, job)).toBe('failed');
      const l = { job_name: job };
      expect(value(out.samples, 'backup_job_last_run_start_timestamp_seconds', l)).toBe(wireSeconds(start));
    }
  });
});

describe.each(BOUNDS)('bounds by %s time', (by) => {
  test('a kept open session the server no longer has (404) is dropped: the run before it is the last', async () => {
    h = await harness({ boundFilters: by });
    await h.collect(NOW);
    const [gone, previous] = sessionsOf(h.sim, RUNNING_JOB);
    h.sim.data.sessions = h.sim.data.sessions.filter((s) => s.id !== gone!.id);
    const before = h.sim.requests.length;
    const out = await h.collect(NOW + MIN);
    expect(out.failed).toEqual([]);
    expect(readsById(h.sim, before)).toEqual([expect.stringContaining(gone!.id)]);
    const l = { job_name: RUNNING_JOB };
    expect(value(out.samples, 'backup_job_last_run_start_timestamp_seconds', l)).toBe(wireSeconds(previous!.start));
  });
});

test('the whole window again after inventory_ttl, after a failed read, and when the clock went back', async () => {
  h = await harness({ boundFilters: 'creation' });
  await h.collect(NOW);
  await h.collect(NOW + MIN);
  await h.collect(NOW + 5 * MIN);
  await h.collect(NOW + 6 * MIN);
  h.sim.faults = [{ kind: 'html', match: /\/JobSessions$/, count: 1 }];
  expect((await h.collect(NOW + 7 * MIN)).failed.map((f) => f.collector)).toContain('sessions');
  await h.collect(NOW + 8 * MIN);
  await h.collect(NOW + 7 * MIN);
  const whole = (m: number) => NOW + m * MIN - 7 * 86_400_000;
  expect(bounds(h.sim, 0)).toEqual([
    WHOLE,
    NOW - 15 * MIN, // since the read at NOW
    whole(5), // inventory_ttl (5m) after the whole read at NOW
    NOW - 10 * MIN, // since the read at NOW + 5m
    NOW - 9 * MIN, // since the read at NOW + 6m: this read fails
    whole(8), // after the failure
    whole(7), // the clock went back
  ]);
});

test('inventory_ttl 0s: every collection reads the whole window', async () => {
  h = await harness({}, { inventoryTtlMs: 0 });
  await h.collect(NOW);
  await h.collect(NOW + MIN);
  expect(bounds(h.sim, 0)).toEqual([WHOLE, WHOLE + MIN]);
});

test('a session read by id that does not decode fails the sessions part; the next collection reads it whole', async () => {
  h = await harness({ boundFilters: 'creation' });
  await h.collect(NOW);
  const run = sessionsOf(h.sim, RUNNING_JOB)[0]!;
  run.end = NOW + MIN;
  run.status = 'Success';
  h.sim.faults = [{ kind: 'malformed', match: new RegExp(`/JobSessions/${run.id}$`), count: 1 }];
  const failed = await h.collect(NOW + 2 * MIN);
  expect(failed.failed.map((f) => f.collector)).toContain('sessions');
  const before = h.sim.requests.length;
  const out = await h.collect(NOW + 3 * MIN);
  expect(out.failed).toEqual([]);
  expect(bounds(h.sim, before)).toEqual([NOW + 3 * MIN - 7 * 86_400_000]);
  expect(statusOf(out.samples, RUNNING_JOB)).toBe('success');
});

/** One change per step: an open run ends, a run starts, a run comes and goes while an open one vanishes. */
function change(sim: Harness['sim'], step: number, now: number): void {
  const open = sim.data.sessions.filter((s) => s.end === null).sort((a, b) => a.start - b.start);
  const job = sim.data.jobs.filter((j) => j.kind === 'Backup')[step % 4]!;
  const newest = sim.data.sessions.filter((s) => s.jobId === job.id).sort((a, b) => b.start - a.start)[0]!;
  const id = `c0ffee00-0000-4000-a000-0000000001${String(step).padStart(2, '0')}`;
  if (step % 3 === 0 && open[0]) Object.assign(open[0], { end: now - 30_000, status: 'Warning' });
  if (step % 3 === 1) sim.data.sessions.push({ ...newest, id, start: now - MIN, end: null, status: 'Running' });
  if (step % 3 === 2) {
    sim.data.sessions.push({ ...newest, id, start: now - 90_000, end: now - 30_000, status: 'Failed' });
    sim.data.sessions = sim.data.sessions.filter((s) => s !== open[open.length - 1]);
  }
}

describe.each(BOUNDS)('bounds by %s time', (by) => {
  test('as runs start, end and vanish, the kept window gives the series a fresh read gives', async () => {
    h = await harness({ boundFilters: by }, { inventoryTtlMs: 3_600_000 });
    for (let step = 0; step < 9; step++) {
      const now = NOW + step * 2 * MIN;
      change(h.sim, step, now);
      const kept = await h.collect(now);
      const fresh = startSessionHarness(veeamM365, h.target, { now: () => now });
      try {
        const read = await fresh.collect(now);
        expect(kept.failed).toEqual([]);
        expect(canonical(kept.samples)).toEqual(canonical(read.samples));
      } finally {
        await fresh.close();
      }
    }
    // After its first collection the kept harness asked only for what was new (the fresh ones read it whole).
    expect(bounds(h.sim, 0).filter((b) => b >= NOW - 15 * MIN)).toHaveLength(8);
  });
});
