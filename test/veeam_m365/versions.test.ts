// Each API version end to end against a simulator of that version, version detection and re-detection.
import { wireSeconds } from '../../src/simulators/veeam_m365/shapes';
import { UpstreamError } from '../../src/common/errors';
import { harness, NOW, sessionsOf, statusOf, value, type Harness } from './helpers';

const EXPECTED_STATES: Record<string, string> = {
  'Exchange Online - Daily': 'success',
  'SharePoint - Hourly': 'warning',
  'OneDrive - Daily': 'failed',
  'Teams - Every 4 Hours': 'running',
  'Archive Mailboxes': 'none',
  'Legacy Public Folders': 'success',
  'Exchange - Remote Office': 'failed',
  'Groups - Weekly': 'stopped',
  'New Tenant Onboarding': 'none',
};
const COPY_STATES: Record<string, string> = { 'Copy - Exchange Online': 'success', 'Copy - SharePoint': 'warning' };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe.each(['v3', 'v4', 'v5', 'v6', 'v7', 'v8'] as const)('API %s end to end', (version) => {
  test('jobs, tenants, states, times and log counts', async () => {
    h = await harness({ version, tls: version === 'v8' }, { apiVersion: version });
    const out = await h.collect();
    expect(out.failed).toEqual([]);
    expect(out.info).toEqual({ api_version: version, server_version: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
    const n = Number(version.slice(1));
    const expected = { ...EXPECTED_STATES, ...(n >= 6 ? COPY_STATES : {}) };
    // Job series only: the storage, licence and proxy series have no job labels (tested on their own).
    const jobs = out.samples.filter((s) => s.labels.job_id !== undefined);
    const names = [...new Set(jobs.map((s) => s.labels.job_name))].sort();
    expect(names).toEqual(Object.keys(expected).sort());
    for (const [name, state] of Object.entries(expected))
      expect([name, statusOf(out.samples, name)]).toEqual([name, state]);
    // Tenants: every job belongs to one of the two organizations, copy jobs to their backup job's.
    for (const s of jobs) expect(['contoso.onmicrosoft.com', 'fabrikam.onmicrosoft.com']).toContain(s.labels.tenant);
    const copy = out.samples.find((s) => s.labels.job_name === 'Copy - SharePoint');
    const source = out.samples.find((s) => s.labels.job_name === 'SharePoint - Hourly');
    if (n >= 6) expect([copy?.labels.job_type, copy?.labels.tenant]).toEqual(['Copy', source?.labels.tenant]);
    // Times of the last run come from the newest session, whatever shape the version has.
    const newest = sessionsOf(h.sim, 'SharePoint - Hourly')[0]!;
    const l = { job_name: 'SharePoint - Hourly' };
    expect(value(out.samples, 'backup_job_last_run_start_timestamp_seconds', l)).toBe(wireSeconds(newest.start));
    expect(value(out.samples, 'backup_job_last_run_end_timestamp_seconds', l)).toBe(wireSeconds(newest.end!));
    expect(value(out.samples, 'backup_job_last_run_transferred_bytes', l)).toBe(newest.transferred);
    expect(value(out.samples, 'backup_job_last_run_processed_objects', l)).toBe(newest.processed);
    expect(value(out.samples, 'backup_job_last_run_warnings', l)).toBe(2);
    expect(value(out.samples, 'backup_job_last_run_errors', l)).toBe(0);
    // Failed run: one `[Error]` and one `[Failed]` title before v8, two `Error` types in v8.
    expect(value(out.samples, 'backup_job_last_run_errors', { job_name: 'OneDrive - Daily' })).toBe(2);
    expect(value(out.samples, 'backup_job_last_run_warnings', { job_name: 'OneDrive - Daily' })).toBe(1);
    // The running job has no end (null from v7, 0001-01-01T00:00:00 before) and a duration of now − start.
    const running = sessionsOf(h.sim, 'Teams - Every 4 Hours')[0]!;
    expect(
      value(out.samples, 'backup_job_last_run_end_timestamp_seconds', { job_name: 'Teams - Every 4 Hours' }),
    ).toBeUndefined();
    expect(
      value(out.samples, 'backup_job_last_run_duration_seconds', { job_name: 'Teams - Every 4 Hours' }),
    ).toBeCloseTo((Date.UTC(2026, 2, 2, 12) - running.start) / 1000, 3);
    expect(h.sim.logins).toEqual([{ version: n, ok: true, antiforgeryDisabled: n >= 7 }]);
  });
});

describe('version detection', () => {
  test.each([
    ['v3', 3],
    ['v5', 5],
    ['v6', 6],
    ['v7', 7],
    ['v8', 8],
  ])('a %s server is detected and its probe token kept', async (version, n) => {
    h = await harness({ version });
    const out = await h.collect();
    expect(out.info.api_version).toBe(version);
    const probes = h.sim.requests.filter((r) => /\/token$/i.test(r.path)).map((r) => r.path);
    expect(probes).toEqual([8, 7, 6, 5, 4, 3].filter((v) => v >= n).map((v) => `/v${v}/token`));
    // The token of the probe that answered 200 is used: one login in total, also across collections.
    await h.collect();
    expect(h.sim.logins.length).toBe(1);
  });

  test('with api_version set nothing is probed', async () => {
    h = await harness({ version: 'v8' }, { apiVersion: 'v7' });
    expect((await h.collect()).info.api_version).toBe('v7');
    expect(h.sim.requests.filter((r) => /\/token$/i.test(r.path)).map((r) => r.path)).toEqual(['/v7/token']);
  });

  test('a wrong password is an authentication failure during detection', async () => {
    h = await harness({ version: 'v7' }, { auth: { username: 'monitor', password: 'wrong' } });
    await expect(h.collect()).rejects.toMatchObject({ kind: 'auth', details: { status: 400 } });
    // After a rejected login none is tried for a minute: the target stays down with the same reason.
    await expect(h.collect()).rejects.toBeInstanceOf(UpstreamError);
    await expect(h.collect()).rejects.toThrow(/failed with 400.*no login tried until/);
    // The first answer that is not 404 decides: no lower version is tried after the 400.
    expect(h.sim.requests.filter((r) => /\/token$/i.test(r.path)).map((r) => r.path)).toEqual([
      '/v8/token',
      '/v7/token',
    ]);
    const logins = (await h.metrics.logins.get()).values;
    expect(logins.find((v) => v.labels.result === 'failure')?.value).toBe(1);
  });

  test('a server that answers 404 on every version cannot be detected', async () => {
    h = await harness({ version: 'v8' });
    h.sim.faults = [{ kind: 'status', status: 404, match: /token/ }];
    await expect(h.collect()).rejects.toMatchObject({ kind: 'http' });
    expect(h.sim.count(/\/token$/)).toBe(6);
  });
});

describe('version detection again', () => {
  test('only the jobs listing answering 404 makes a collection detect again, after 5 minutes (server upgrade)', async () => {
    const min = 60_000;
    h = await harness({ version: 'v5' });
    expect((await h.collect(NOW)).info.api_version).toBe('v5');
    h.sim.version = 8; // upgraded: v5 is gone
    const tokens = () => h!.sim.count(/\/token$/);
    const before = tokens();
    // The inventory is still cached: each job's sessions answer 404, which is not a reason to detect again;
    // every job's runs are left out (the logs collector has no last run to read, and succeeds).
    const during = await h.collect(NOW + min);
    expect(during.failed.map((f) => f.collector)).toEqual(['sessions']);
    expect(during.failed[0]?.reason).toMatch(/404.*\(and 8 more items\)$/);
    expect(during.samples.some((s) => s.name === 'backup_job_status')).toBe(false);
    expect(tokens()).toBe(before);
    // The jobs listing itself answers 404 once the inventory expires: down now, detected on the next one.
    await expect(h.collect(NOW + 6 * min)).rejects.toMatchObject({ kind: 'http', details: { status: 404 } });
    const after = await h.collect(NOW + 6 * min + 1000);
    expect(after.info).toEqual({ api_version: 'v8', server_version: '8.1.0.305' });
    expect(after.failed).toEqual([]);
    expect(statusOf(after.samples, 'Copy - SharePoint')).toBe('warning');
  });

  test('a configured version is kept after a 404', async () => {
    h = await harness({ version: 'v5' }, { apiVersion: 'v5' });
    await h.collect();
    h.sim.version = 8;
    await h.collect();
    await expect(h.collect()).resolves.toMatchObject({ info: { api_version: 'v5' } });
    expect(h.sim.count(/^\/v8\//)).toBe(0);
  });
});
