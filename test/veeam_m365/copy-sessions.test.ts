// Copy-job sessions under each reading the documents allow: a copy session may name its copy job, the backup
// job it copies, or no job (v6 items say neither job nor kind, v7 items say their kind only, v8's `jobId` is
// not described for copy sessions), and `jobId=<copy job id>` is documented for backup jobs only. Whatever the
// reading, a copy job's runs are never its backup job's runs, and a copy job whose sessions cannot be told
// apart is left out with a reason (never `none`).
import type { CollectOutput } from '../helpers/session';
import type { M365SimOptions } from '../../src/simulators/veeam_m365/server';
import { wireSeconds } from '../../src/simulators/veeam_m365/shapes';
import { harness, NOW, sessionsOf, statusOf, value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const COPIES = ['Copy - Exchange Online', 'Copy - SharePoint'];
const SOURCES = ['Exchange Online - Daily', 'SharePoint - Hourly'];
const BOUNDS = ['creation', 'end'] as const;

/** The last run of each job is its own newest session, copy jobs and the backup jobs they copy alike. */
function expectOwnRuns(out: CollectOutput, names: readonly string[]): void {
  for (const name of names) {
    const own = sessionsOf(h!.sim, name)[0]!;
    const start = value(out.samples, 'backup_job_last_run_start_timestamp_seconds', { job_name: name });
    expect([name, start]).toEqual([name, wireSeconds(own.start)]);
  }
}

/** Copy jobs left out with a reason: no state (never `none`), but what the job list says stays. */
function expectCopiesLeftOut(out: CollectOutput): void {
  const sessions = out.failed.find((f) => f.collector === 'sessions');
  expect(sessions?.reason).toMatch(/copy job Copy - .*cannot be told.*\(and 1 more items\)/);
  for (const name of COPIES) {
    expect(statusOf(out.samples, name)).toBeUndefined();
    expect(value(out.samples, 'backup_job_enabled', { job_name: name })).toBe(1);
  }
}

async function collect(sim: M365SimOptions): Promise<CollectOutput> {
  h = await harness(sim, { apiVersion: sim.version as 'v6' });
  return h.collect();
}

describe.each(BOUNDS)('bound filtering by %s time', (boundFilters) => {
  test.each(['v6', 'v7', 'v8'])('%s: copy sessions naming their copy job', async (version) => {
    const out = await collect({ version, boundFilters, copySessionJob: 'copy' });
    expect(out.failed).toEqual([]);
    expectOwnRuns(out, [...COPIES, ...SOURCES]);
  });

  test.each(['v6', 'v7', 'v8'])('%s: copy sessions naming the backup job they copy', async (version) => {
    const out = await collect({ version, boundFilters, copySessionJob: 'backup' });
    expect(out.failed).toEqual([]);
    expectOwnRuns(out, [...COPIES, ...SOURCES]);
  });

  test.each(['v6', 'v7', 'v8'])('%s: copy sessions naming no job: copy jobs left out', async (version) => {
    const out = await collect({ version, boundFilters, copySessionJob: 'none' });
    expectCopiesLeftOut(out);
    expect(out.failed.map((f) => f.collector)).toEqual(['sessions']);
    expectOwnRuns(out, SOURCES);
  });
});

test.each([
  ['copy', 'v7'],
  ['backup', 'v7'],
  ['empty', 'v7'],
  ['backup', 'v8'],
] as const)('jobId=<copy job id> answering %s (%s) is never asked: copy runs stay their own', async (mode, version) => {
  const out = await collect({ version, copyJobIdQuery: mode });
  expect(out.failed).toEqual([]);
  expectOwnRuns(out, [...COPIES, ...SOURCES]);
  for (const copy of h!.sim.data.jobs.filter((j) => j.kind === 'Copy')) {
    expect(h!.sim.count(new RegExp(`jobId=${copy.id}`))).toBe(0);
  }
});

test.each(['v7', 'v8'])('%s: no job link and jobId=<copy id> giving the backup runs: left out', async (version) => {
  const out = await collect({ version, copySessionJob: 'none', copyJobIdQuery: 'backup', sessionJobLinks: false });
  expectCopiesLeftOut(out);
  expectOwnRuns(out, SOURCES);
});

test.each(['v6', 'v7'])(
  "%s: a backup job whose own listing holds its copy job's sessions keeps its own runs",
  async (version) => {
    // The copied job runs now: on a server filtering by end time the window lacks that run, so the job's own
    // listing is read, and this server files the copy job's sessions under the backup job too. The copy job's
    // newest run ended after every finished run of the backup job: taken for the backup job's, it would be its
    // last success.
    h = await harness({ version, boundFilters: 'end', copySessionJob: 'backup' }, { apiVersion: version as 'v6' });
    const job = h.sim.data.jobs.find((j) => j.name === 'SharePoint - Hourly')!;
    const ownDone = sessionsOf(h.sim, job.name)[0]!;
    const copy = h.sim.data.jobs.find((j) => j.name === 'Copy - SharePoint')!;
    const template = sessionsOf(h.sim, copy.name)[0]!;
    const uuid = (n: number) => `a1b2c3d4-0000-4000-a000-00000000000${n}`;
    h.sim.data.sessions.push(
      { ...ownDone, id: uuid(1), start: NOW - 60_000, end: null, status: 'Running' },
      { ...template, id: uuid(2), start: NOW - 30 * 60_000, end: NOW - 20 * 60_000, status: 'Success' },
    );
    const out = await h.collect();
    expect(out.failed).toEqual([]);
    expect(h.sim.count(new RegExp(`/Jobs/${job.id}/JobSessions|jobId=${job.id}`))).toBe(1);
    const l = { job_name: job.name };
    expect(statusOf(out.samples, job.name)).toBe('running');
    expect(value(out.samples, 'backup_job_last_run_start_timestamp_seconds', l)).toBe(wireSeconds(NOW - 60_000));
    expect(value(out.samples, 'backup_job_last_success_timestamp_seconds', l)).toBe(wireSeconds(ownDone.end!));
    const c = { job_name: copy.name };
    expect(value(out.samples, 'backup_job_last_success_timestamp_seconds', c)).toBe(wireSeconds(NOW - 20 * 60_000));
    expect(statusOf(out.samples, 'Copy - Exchange Online')).toBe('success');
  },
);
