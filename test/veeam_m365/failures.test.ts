// Collection behaviour against the simulator: caches, tokens, job filters and part failures.
import { canonical, harness, sessionsOf, statusOf, value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('caches and tokens', () => {
  test("a finished run's log is read once; a running run's every collection", async () => {
    h = await harness();
    await h.collect();
    await h.collect();
    const finished = sessionsOf(h.sim, 'Exchange Online - Daily')[0]!.id;
    const running = sessionsOf(h.sim, 'Teams - Every 4 Hours')[0]!.id;
    expect(h.sim.count(new RegExp(`/JobSessions/${finished}/LogItems`))).toBe(1);
    expect(h.sim.count(new RegExp(`/JobSessions/${running}/LogItems`))).toBe(2);
    // The inventory is reused within inventory_ttl; sessions are read fresh.
    expect(h.sim.count(/^\/v8\/Jobs\?/)).toBe(1);
    expect(h.sim.count(/^\/v8\/JobSessions\?endTimeLowerBound/)).toBe(2);
  });

  test('an expired token is replaced by one new login, then collection goes on', async () => {
    h = await harness({ version: 'v7' });
    const first = await h.collect();
    h.sim.expireTokens();
    const second = await h.collect();
    expect(second.failed).toEqual([]);
    expect(canonical(second.samples)).toEqual(canonical(first.samples));
    expect(h.sim.logins.map((l) => l.ok)).toEqual([true, true]);
    expect(h.sim.logins.every((l) => l.antiforgeryDisabled)).toBe(true);
  });

  test('a token near its expiry is renewed before use (expires_in)', async () => {
    h = await harness({ version: 'v8', tokenLifetimeSeconds: 1 });
    await h.collect();
    await new Promise((r) => setTimeout(r, 1100));
    await h.collect();
    expect(h.sim.logins.length).toBe(2);
    expect(h.sim.count(/\/v8\/token/)).toBe(2);
    expect(h.sim.requests.filter((r) => !/token/.test(r.path)).length).toBeGreaterThan(0);
  });
});

describe('filters and failures', () => {
  test('filtered jobs are neither fetched nor exported', async () => {
    h = await harness(
      { version: 'v7' },
      { jobs: { include: [/^(?:.*)$/], exclude: [/^(?:SharePoint.*|Copy - .*)$/] } },
    );
    const out = await h.collect();
    const names = new Set(out.samples.map((s) => s.labels.job_name));
    expect(names.has('SharePoint - Hourly')).toBe(false);
    expect(names.has('Copy - SharePoint')).toBe(false);
    expect(names.has('Exchange Online - Daily')).toBe(true);
    const share = h.sim.data.jobs.find((j) => j.name === 'SharePoint - Hourly')!;
    expect(h.sim.count(new RegExp(share.id))).toBe(0);
    const shareRun = sessionsOf(h.sim, 'SharePoint - Hourly')[0]!;
    expect(h.sim.count(new RegExp(shareRun.id))).toBe(0);
  });

  test('log items answering 500: logs failed, job series stay, no warnings/errors series', async () => {
    h = await harness();
    h.sim.faults = [{ kind: 'status', status: 500, match: /LogItems/ }];
    const out = await h.collect();
    expect(out.failed.map((f) => f.collector)).toEqual(['logs']);
    expect(statusOf(out.samples, 'SharePoint - Hourly')).toBe('warning');
    expect(
      out.samples.some((s) => s.name === 'backup_job_last_run_warnings' || s.name === 'backup_job_last_run_errors'),
    ).toBe(false);
  });

  test('sessions answering garbage: sessions and logs failed, only job list facts remain', async () => {
    h = await harness({ version: 'v7' });
    h.sim.faults = [{ kind: 'html', match: /JobSessions$/ }];
    const out = await h.collect();
    expect(out.failed.map((f) => [f.collector, (f.error as { kind?: string }).kind])).toEqual([
      ['sessions', 'decode'],
      ['logs', 'internal'],
    ]);
    expect(out.samples.some((s) => s.name === 'backup_job_status')).toBe(false);
    expect(value(out.samples, 'backup_job_enabled', { job_name: 'Legacy Public Folders' })).toBe(0);
  });

  test('the inventory failing throws (target down)', async () => {
    h = await harness();
    h.sim.faults = [{ kind: 'status', status: 500, match: /\/Jobs$/ }];
    await expect(h.collect()).rejects.toMatchObject({ kind: 'http' });
  });

  test('organizations malformed throws a decode error', async () => {
    h = await harness({ version: 'v6' });
    h.sim.faults = [{ kind: 'malformed', match: /\/Organizations$/ }];
    await expect(h.collect()).rejects.toMatchObject({ kind: 'decode' });
  });

  test('ServiceInstance failing only leaves server_version out', async () => {
    h = await harness();
    h.sim.faults = [{ kind: 'status', status: 500, match: /ServiceInstance/ }];
    const out = await h.collect();
    expect(out.info).toEqual({ api_version: 'v8' });
    expect(out.failed).toEqual([]);
  });
});
