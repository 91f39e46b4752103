// Collection behaviour against the simulator: mapping rules, paging and order independence (caches, tokens,
// filters and part failures are in failures.test.ts).
import { wireSeconds } from '../../src/simulators/veeam_m365/shapes';
import { canonical, harness, NOW, sessionsOf, seriesOf, statusOf, value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const H = 3600;

describe('mapping (v8)', () => {
  test('NotConfigured is state none and still has last_run_info', async () => {
    h = await harness();
    const out = await h.collect();
    expect(statusOf(out.samples, 'Archive Mailboxes')).toBe('none');
    expect(
      value(out.samples, 'backup_job_last_run_info', { job_name: 'Archive Mailboxes', vendor_status: 'NotConfigured' }),
    ).toBe(1);
    expect(
      value(out.samples, 'backup_job_last_run_start_timestamp_seconds', { job_name: 'Archive Mailboxes' }),
    ).toBeDefined();
  });

  test('a job without runs in lookback: none, no last_run_info, no times', async () => {
    h = await harness();
    const out = await h.collect();
    const s = seriesOf(out.samples, 'New Tenant Onboarding');
    expect(statusOf(out.samples, 'New Tenant Onboarding')).toBe('none');
    expect(
      s
        .map((x) => x.name)
        .filter((n) => n !== 'backup_job_status')
        .sort(),
    ).toEqual(['backup_job_enabled', 'backup_job_next_run_timestamp_seconds']);
  });

  test('disabled job: enabled 0 and no next run; its last success is older than 26h', async () => {
    h = await harness();
    const out = await h.collect();
    expect(value(out.samples, 'backup_job_enabled', { job_name: 'Legacy Public Folders' })).toBe(0);
    expect(
      value(out.samples, 'backup_job_next_run_timestamp_seconds', { job_name: 'Legacy Public Folders' }),
    ).toBeUndefined();
    expect(
      value(out.samples, 'backup_job_last_success_timestamp_seconds', { job_name: 'Legacy Public Folders' })!,
    ).toBeLessThan(NOW / 1000 - 26 * H);
  });

  test('failed job: last success is the newest successful end, older than 26h', async () => {
    h = await harness();
    const out = await h.collect();
    const ok = sessionsOf(h.sim, 'OneDrive - Daily').filter(
      (s) => s.status === 'Success' || s.status === 'Warning',
    )[0]!;
    expect(value(out.samples, 'backup_job_last_success_timestamp_seconds', { job_name: 'OneDrive - Daily' })).toBe(
      wireSeconds(ok.end!),
    );
    expect(ok.end! / 1000).toBeLessThan(NOW / 1000 - 26 * H);
  });
});

describe('mapping (v8): last success', () => {
  test('warning_is_success false: a warning run is not a success', async () => {
    h = await harness({}, { warningIsSuccess: false });
    const out = await h.collect();
    const ok = sessionsOf(h.sim, 'SharePoint - Hourly').find((s) => s.status === 'Success')!;
    expect(value(out.samples, 'backup_job_last_success_timestamp_seconds', { job_name: 'SharePoint - Hourly' })).toBe(
      wireSeconds(ok.end!),
    );
    expect(statusOf(out.samples, 'SharePoint - Hourly')).toBe('warning');
  });

  test('warning_is_success true (default): the newest warning run is the last success', async () => {
    h = await harness();
    const warn = sessionsOf(h.sim, 'SharePoint - Hourly')[0]!;
    expect(warn.status).toBe('Warning');
    expect(
      value((await h.collect()).samples, 'backup_job_last_success_timestamp_seconds', {
        job_name: 'SharePoint - Hourly',
      }),
    ).toBe(wireSeconds(warn.end!));
  });

  test('runs older than lookback are not runs; a run that started before the window does not count', async () => {
    h = await harness({}, { lookbackMs: 24 * 3_600_000 });
    const out = await h.collect();
    expect(statusOf(out.samples, 'Legacy Public Folders')).toBe('none');
    expect(statusOf(out.samples, 'Groups - Weekly')).toBe('none');
    expect(
      value(out.samples, 'backup_job_last_success_timestamp_seconds', { job_name: 'OneDrive - Daily' }),
    ).toBeUndefined();
  });

  test('end 0001-01-01T00:00:00 (v5) is not an end: the run is running', async () => {
    h = await harness({ version: 'v5' });
    const out = await h.collect();
    const l = { job_name: 'Teams - Every 4 Hours' };
    expect(statusOf(out.samples, 'Teams - Every 4 Hours')).toBe('running');
    expect(value(out.samples, 'backup_job_last_run_end_timestamp_seconds', l)).toBeUndefined();
    expect(value(out.samples, 'backup_job_last_run_start_timestamp_seconds', l)).toBe(
      wireSeconds(sessionsOf(h.sim, 'Teams - Every 4 Hours')[0]!.start),
    );
  });
});

describe('paging', () => {
  test.each(['v5', 'v7', 'v8'])('%s: pages of 30 give the same result as one large page', async (version) => {
    h = await harness({ version, maxLimit: 30 });
    const small = await h.collect();
    const shareLog = sessionsOf(h.sim, 'SharePoint - Hourly')[0]!.id;
    expect(h.sim.count(new RegExp(`/JobSessions/${shareLog}/LogItems\\?offset=30`))).toBe(1);
    expect(h.sim.count(/JobSessions.*offset=30/)).toBeGreaterThan(1);
    await h.close();
    h = await harness({ version });
    const large = await h.collect();
    expect(h.sim.count(/offset=30/)).toBe(0);
    expect(canonical(small.samples)).toEqual(canonical(large.samples));
    expect(value(small.samples, 'backup_job_last_run_warnings', { job_name: 'SharePoint - Hourly' })).toBe(2);
  });
});

describe('independence', () => {
  test.each(['v3', 'v6', 'v8'])('%s: list order does not change the result', async (version) => {
    h = await harness({ version });
    const plain = canonical((await h.collect()).samples);
    await h.close();
    h = await harness({ version, shuffle: 42, maxLimit: 30 });
    expect(canonical((await h.collect()).samples)).toEqual(plain);
  });

  test.each(['v7', 'v8'])('%s: endTimeLowerBound by creation or by end time gives the same result', async (version) => {
    h = await harness({ version, boundFilters: 'creation' });
    const creation = canonical((await h.collect()).samples);
    await h.close();
    h = await harness({ version, boundFilters: 'end' });
    const end = await h.collect();
    expect(canonical(end.samples)).toEqual(creation);
    expect(statusOf(end.samples, 'Teams - Every 4 Hours')).toBe('running');
  });
});
