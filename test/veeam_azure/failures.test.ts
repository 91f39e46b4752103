// Part failures: a policy family answering 404 is skipped, any other error fails `jobs` (the target is down);
// sessions and logs failures leave out exactly the series that depend on them.
import { harness, seriesOf, statusOf, value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

test('a policy family answering 404 is absent in this version: skipped, the rest is collected', async () => {
  h = await harness({}, { apiVersion: 'v8.1' });
  h.sim.faults.push({ kind: 'status', status: 404, match: /\/policies\/cosmosDb$/ });
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  expect(seriesOf(out.samples, 'cosmos-orders')).toEqual([]);
  expect(statusOf(out.samples, 'vm-prod')).toBe('success');
});

test.each([500, 403])('a policy family answering %d fails jobs: collect throws', async (status) => {
  h = await harness({}, { apiVersion: 'v8.1' });
  h.sim.faults.push({ kind: 'status', status, match: /\/policies\/sql$/ });
  await expect(h.collect()).rejects.toMatchObject({ name: 'UpstreamError', details: { status } });
});

test('a malformed policy page fails jobs with a decode error', async () => {
  h = await harness({}, { apiVersion: 'v8.1' });
  h.sim.faults.push({ kind: 'malformed', match: /\/policies\/virtualMachines$/ });
  await expect(h.collect()).rejects.toMatchObject({ kind: 'decode' });
});

test('a wrong password fails the target with an auth error', async () => {
  h = await harness({ password: 'other' });
  await expect(h.collect()).rejects.toMatchObject({ kind: 'auth' });
  const failures = (await h.metrics.logins.get()).values.find((v) => v.labels.result === 'failure');
  expect(failures?.value).toBe(1);
});

test('after a rejected password no login is tried for a minute: the target stays down with the same reason', async () => {
  h = await harness({ password: 'other' });
  await expect(h.collect()).rejects.toMatchObject({ kind: 'auth', details: { status: 401, login: true } });
  await expect(h.collect()).rejects.toThrow(/Password grant refused \(401.*no login tried until/);
  expect(h.sim.requests.filter((r) => r.path === '/api/oauth2/token')).toHaveLength(1);
  const failures = (await h.metrics.logins.get()).values.find((v) => v.labels.result === 'failure');
  expect(failures?.value).toBe(1);
});

test('logs answering 500: `logs` failed, job series present, no warnings/errors series', async () => {
  h = await harness();
  h.sim.faults.push({ kind: 'status', status: 500, match: /\/log$/ });
  const out = await h.collect();
  expect(out.failed.map((f) => f.collector)).toEqual(['logs']);
  expect(statusOf(out.samples, 'sql-main')).toBe('failed');
  expect(value(out.samples, 'backup_job_last_run_start_timestamp_seconds', { job_name: 'sql-main' })).toBeDefined();
  expect(
    out.samples.some((s) => s.name === 'backup_job_last_run_warnings' || s.name === 'backup_job_last_run_errors'),
  ).toBe(false);
});

test('sessions answering 500: `sessions` and `logs` failed, only the policy facts remain of the jobs', async () => {
  h = await harness();
  h.sim.faults.push({ kind: 'status', status: 500, match: /\/jobSessions$/ });
  const out = await h.collect();
  expect(out.failed.map((f) => f.collector).sort()).toEqual(['logs', 'sessions']);
  const names = new Set(out.samples.map((s) => s.name).filter((n) => n.startsWith('backup_job_')));
  expect([...names].sort()).toEqual(['backup_job_enabled', 'backup_job_next_run_timestamp_seconds']);
  // The capacity collectors do not depend on sessions: their series stay.
  expect(out.samples.some((s) => s.name === 'backup_repository_status')).toBe(true);
  expect(value(out.samples, 'backup_job_enabled', { job_name: 'vm-retired' })).toBe(0);
});

// Contract section 2: a 404 from an endpoint about one item (a session's log items) leaves that item's series
// out and fails the collector, while every other item keeps its series.
test("a session log that is gone (404) leaves that job's counts out and fails `logs`; the others keep theirs", async () => {
  h = await harness();
  const sql = h.sim.data.policies.find((p) => p.name === 'sql-main')!;
  const last = h.sim.data.sessions.find((s) => s.policyId === sql.id && s.status === 'Error')!;
  h.sim.faults.push({ kind: 'status', status: 404, match: new RegExp(`/jobSessions/${last.id}/log$`) });
  const out = await h.collect();
  expect(out.failed.map((f) => f.collector)).toEqual(['logs']);
  expect(out.failed[0]!.reason).toMatch(/^http: policy sql-main: .*HTTP 404/);
  expect(statusOf(out.samples, 'sql-main')).toBe('failed');
  expect(value(out.samples, 'backup_job_last_run_errors', { job_name: 'sql-main' })).toBeUndefined();
  expect(value(out.samples, 'backup_job_last_run_warnings', { job_name: 'vm-dev' })).toBe(2);
});

test('an unparsable executionDuration is left out and logged with the raw value', async () => {
  h = await harness();
  const cosmos = h.sim.data.policies.find((p) => p.name === 'cosmos-orders')!;
  h.sim.data.sessions.find((s) => s.policyId === cosmos.id)!.duration = 'about a minute';
  const out = await h.collect();
  expect(value(out.samples, 'backup_job_last_run_duration_seconds', { job_name: 'cosmos-orders' })).toBeUndefined();
  expect(value(out.samples, 'backup_job_last_run_end_timestamp_seconds', { job_name: 'cosmos-orders' })).toBeDefined();
  expect(h.logs()).toContain('about a minute');
});
