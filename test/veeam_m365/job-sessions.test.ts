// One job's own session listing answering 400 or 404 (a job deleted since the inventory was read, a server that
// refuses one id) leaves out that job's runs only: the sessions collector reports the job, every other job
// keeps its series, and the logs of the others are still read. Likewise one run's log items.
import type { CollectOutput } from '../helpers/session';
import type { M365SimOptions } from '../../src/simulators/veeam_m365/server';
import { generateData } from '../../src/simulators/veeam_m365/data';
import { harness, NOW, sessionsOf, statusOf, value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const STATES: Record<string, string> = {
  'Exchange Online - Daily': 'success',
  'SharePoint - Hourly': 'warning',
  'OneDrive - Daily': 'failed',
  'Teams - Every 4 Hours': 'running',
  'Groups - Weekly': 'stopped',
};

/** A collection in which the named job's own listing answers `status`. */
async function collectWith(version: string, job: string, status: number, sim: M365SimOptions): Promise<CollectOutput> {
  // The demo estate's ids do not depend on the version.
  const id = generateData(NOW).jobs.find((j) => j.name === job)!.id;
  h = await harness({ version, ...sim, jobSessionErrors: { [id]: status } });
  return h.collect();
}

function expectOnlyLeftOut(out: CollectOutput, job: string, status: number): void {
  expect(out.failed.map((f) => f.collector)).toEqual(['sessions']);
  expect(out.failed[0]?.reason).toMatch(new RegExp(`job ${job}: .*${status}`));
  expect(out.failed[0]?.reason).not.toMatch(/more items/);
  expect(statusOf(out.samples, job)).toBeUndefined();
  expect(value(out.samples, 'backup_job_enabled', { job_name: job })).toBe(1);
  for (const [name, state] of Object.entries(STATES)) {
    if (name !== job) expect([name, statusOf(out.samples, name)]).toEqual([name, state]);
  }
  // The logs of every other job are still read.
  expect(value(out.samples, 'backup_job_last_run_warnings', { job_name: 'SharePoint - Hourly' })).toBe(
    job === 'SharePoint - Hourly' ? undefined : 2,
  );
}

test.each([
  ['v3', 404],
  ['v5', 400],
  ['v5', 404],
])('%s (every job read on its own): %i for one job', async (version, status) => {
  const out = await collectWith(version, 'OneDrive - Daily', status, {});
  expectOnlyLeftOut(out, 'OneDrive - Daily', status);
  // Not a reason to detect the version again: the next collections log in no more.
  expectOnlyLeftOut(await h!.collect(NOW + 6 * 60_000), 'OneDrive - Daily', status);
  expect(h!.sim.logins.length).toBe(1);
});

test.each([
  ['v6', 404],
  ['v7', 400],
])('%s, sessions without job links (each backup job read on its own): %i for one job', async (version, status) => {
  const out = await collectWith(version, 'SharePoint - Hourly', status, {
    sessionJobLinks: false,
    copySessionJob: 'copy',
  });
  // Copy sessions cannot be told apart either: those jobs are reported too (before v8).
  const reason = out.failed[0]?.reason ?? '';
  expect(reason).toMatch(/job SharePoint - Hourly: .*\d{3}/);
  expect(statusOf(out.samples, 'SharePoint - Hourly')).toBeUndefined();
  for (const [name, state] of Object.entries(STATES)) {
    if (name !== 'SharePoint - Hourly') expect([name, statusOf(out.samples, name)]).toEqual([name, state]);
  }
});

test.each([
  ['v6', 404],
  ['v7', 400],
])('%s, a running job on a server filtering by end time: %i for its own listing', async (version, status) => {
  const out = await collectWith(version, 'Teams - Every 4 Hours', status, { boundFilters: 'end' });
  expectOnlyLeftOut(out, 'Teams - Every 4 Hours', status);
});

test("one last run's log answering 404: that job's counts are left out, every other job keeps them", async () => {
  h = await harness();
  const run = sessionsOf(h.sim, 'OneDrive - Daily')[0]!;
  h.sim.faults = [{ kind: 'status', status: 404, match: new RegExp(`/JobSessions/${run.id}/LogItems`) }];
  const out = await h.collect();
  expect(out.failed.map((f) => [f.collector, f.reason])).toEqual([
    ['logs', expect.stringMatching(/^http: job OneDrive - Daily: .*404/)],
  ]);
  expect(statusOf(out.samples, 'OneDrive - Daily')).toBe('failed');
  expect(value(out.samples, 'backup_job_last_run_errors', { job_name: 'OneDrive - Daily' })).toBeUndefined();
  expect(value(out.samples, 'backup_job_last_run_warnings', { job_name: 'SharePoint - Hourly' })).toBe(2);
  expect(value(out.samples, 'backup_job_last_run_errors', { job_name: 'Exchange - Remote Office' })).toBe(1);
});
