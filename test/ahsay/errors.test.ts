// Error envelopes, failed parts and configuration (filters, users, plain http, list order).
import { UpstreamError } from '../../src/common/errors';
import type { Sample } from '../../src/core/samples';
import { ARCHIVE, DEST_A, DOCS, type Harness, harness, LAPTOP, NOW, statusOf } from './helpers';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('errors', () => {
  test('wrong credentials: the Error envelope is an auth error and the target is down', async () => {
    h = await harness({ password: 'other' });
    const err = await h.collect().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).kind).toBe('auth');
    expect((err as UpstreamError).message).toContain('Incorrect system username/password');
    expect(h.logs()).not.toContain('secret-cbs');
  });

  test('an expired password is an auth error even while the inventory is cached', async () => {
    h = await harness();
    await h.collect();
    h.sim.passwordExpired = true;
    const err = await h.collect().catch((e: unknown) => e);
    expect((err as UpstreamError).kind).toBe('auth');
    expect((err as UpstreamError).message).toMatch(/password has expired/);
  });

  test('ListUsers failing takes the target down', async () => {
    h = await harness();
    h.sim.faults = [{ kind: 'status', status: 500, match: /ListUsers/ }];
    await expect(h.collect()).rejects.toBeInstanceOf(UpstreamError);
  });

  test("one user's ListBackupSets failing fails `jobs` for that user only", async () => {
    h = await harness();
    h.sim.faults = [{ kind: 'status', status: 500, match: /ListBackupSets/, count: 1 }];
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => [f.collector, f.reason])).toEqual([
      ['jobs', expect.stringMatching(/^http: user alice: /)],
    ]);
    expect(samples.some((s) => s.labels.tenant === 'alice')).toBe(false);
    expect(statusOf(samples, LAPTOP)).toBe('success');
  });

  test('"No Backup Job on that day" is an empty day; another Error fails `runs` for that user only', async () => {
    h = await harness();
    h.sim.errorFor = (api, p) =>
      api === 'ListBackupJobStatus' && p.LoginName === 'carol' ? 'Database is locked' : undefined;
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => f.collector)).toEqual(['runs']);
    expect((failed[0]!.error as UpstreamError).message).toContain('Database is locked');
    expect(samples.some((s) => s.labels.tenant === 'carol' && s.labels.job_id !== undefined)).toBe(false);
    // Her tenant series come from ListUsers (the `jobs` collector), not from the walk.
    expect(samples.some((s) => s.name === 'backup_tenant_used_bytes' && s.labels.tenant === 'carol')).toBe(true);
    expect(statusOf(samples, ARCHIVE)).toBe('none');
    expect(statusOf(samples, DOCS, DEST_A)).toBe('success');
  });

  test('a malformed day list is a decode error of `runs`', async () => {
    h = await harness({}, { users: ['alice'] });
    h.sim.faults = [{ kind: 'malformed', match: /ListBackupJobStatus/ }];
    const { samples, failed } = await h.collect();
    expect(failed.map((f) => [f.collector, (f.error as UpstreamError).kind])).toEqual([['runs', 'decode']]);
    expect(samples.filter((s) => s.labels.job_id !== undefined)).toEqual([]);
  });
});

describe('what a request was for', () => {
  test('debug lines and errors say which user and day a request was for, never the password', async () => {
    h = await harness();
    h.sim.errorFor = (api, p) =>
      api === 'ListBackupJobStatus' && p.LoginName === 'carol' ? 'Database is locked' : undefined;
    const { failed, trace } = await h.collect(NOW, { debug: true });
    expect(failed.map((f) => f.collector)).toEqual(['runs']);
    const day = /day \d{4}-\d\d-\d\d/.source;
    expect((failed[0]!.error as UpstreamError).message).toMatch(
      new RegExp(`^user carol: ListBackupJobStatus: Database is locked \\[${day}\\]$`),
    );
    const paths = trace.map((t) => t.path);
    expect(paths).toContain('/obs/api/json/ListBackupSets.do [user alice]');
    expect(
      paths.some((p) => new RegExp(`^/obs/api/json/ListBackupJobStatus\\.do \\[user bob, ${day}\\]$`).test(p)),
    ).toBe(true);
    expect(paths.filter((p) => p.includes('2/ListUsers'))).toEqual(['/obs/api/json/2/ListUsers.do']);
    expect(JSON.stringify(trace)).not.toContain('secret-cbs');
  });
});

describe('configuration', () => {
  test('job filters apply to the backup set name before anything is fetched; tenant series stay', async () => {
    h = await harness({}, { jobs: { include: [/^(?:.*)$/], exclude: [/^(?:Carol .*|Archive)$/] } });
    const { samples } = await h.collect();
    expect(h.sim.count('ListBackupJobStatus', { LoginName: 'carol' })).toBe(0);
    expect(h.sim.count('GetBackupSet', { LoginName: 'carol' })).toBe(0);
    const jobSeries = samples.filter((s) => s.labels.job_id !== undefined);
    expect(jobSeries.some((s) => s.labels.tenant === 'carol' || s.labels.job_id === ARCHIVE)).toBe(false);
    expect(samples.some((s) => s.name === 'backup_tenant_used_bytes' && s.labels.tenant === 'carol')).toBe(true);
    expect(statusOf(samples, LAPTOP)).toBe('success');
  });

  test('configured users: ListUsers is read all the same, and only those users are collected', async () => {
    h = await harness({}, { users: ['alice', 'dave'] });
    const { samples, failed } = await h.collect();
    expect(failed).toEqual([]);
    expect(h.sim.count('ListUsers')).toBe(1);
    expect([...new Set(samples.map((s) => s.labels.tenant))].sort()).toEqual(['alice', 'dave']);
    expect(h.sim.count('ListBackupSets')).toBe(2);
  });

  test('servers without 2/ListUsers get the v1 ListUsers', async () => {
    h = await harness({ v2Users: false });
    const { samples } = await h.collect();
    expect(h.sim.requests.map((r) => r.path).filter((p) => p.includes('ListUsers'))).toEqual([
      '/obs/api/json/2/ListUsers.do',
      '/obs/api/json/ListUsers.do',
    ]);
    expect(statusOf(samples, DOCS, DEST_A)).toBe('success');
  });

  test('plain http works and logs one warning per target; bodies (the password) are never logged', async () => {
    h = await harness({ tls: false });
    await h.collect();
    await h.collect();
    expect(h.target.url.startsWith('http://')).toBe(true);
    expect(h.logs().match(/plain http/g)).toHaveLength(1);
    expect(h.logs()).not.toContain('secret-cbs');
  });

  test('the result does not depend on the order the API lists things', async () => {
    h = await harness();
    const plain = sorted((await h.collect()).samples);
    await h.close();
    h = await harness();
    h.sim.shuffle = true;
    expect(sorted((await h.collect()).samples)).toEqual(plain);
  });
});

function sorted(samples: readonly Sample[]): string[] {
  return samples.map((s) => `${s.name}${JSON.stringify(Object.entries(s.labels).sort())} ${s.value}`).sort();
}
