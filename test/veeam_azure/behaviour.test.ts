// Paging, list order, caches, job filters and tokens, against the simulator over HTTPS.
import { harness, sorted, statusOf, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

test('Offset/Limit paging follows every page of policies and sessions', async () => {
  const whole = await harness();
  const expected = sorted((await whole.collect()).samples);
  await whole.close();
  h = await harness({ maxPageSize: 2 });
  const out = await h.collect();
  expect(sorted(out.samples)).toEqual(expected);
  const offsets = (re: RegExp) =>
    h!.sim.requests.filter((r) => re.test(r.path)).map((r) => new URL(r.path, 'http://x').searchParams.get('Offset'));
  const n = h.sim.data.sessions.length;
  expect(n).toBeGreaterThan(4);
  // totalCount ends the walk: no extra request for an empty page.
  expect(offsets(/\/jobSessions\?/)).toEqual(Array.from({ length: Math.ceil(n / 2) }, (_, i) => String(i * 2)));
  expect(offsets(/\/policies\/virtualMachines\?/)).toEqual(['0', '2']);
  // The session list is asked for the lookback window only.
  const q = new URL(h.sim.requests.find((r) => /\/jobSessions\?/.test(r.path))!.path, 'http://x').searchParams;
  expect(q.get('FromUtc')).toBe('2026-02-23T12:00:00Z');
});

test('without totalCount, paging follows _links.next to the end', async () => {
  h = await harness({ maxPageSize: 3, totalCount: false });
  const out = await h.collect();
  const n = h.sim.data.sessions.length;
  expect(h.sim.hits(/\/jobSessions$/)).toBe(Math.ceil(n / 3) + (n % 3 === 0 ? 1 : 0));
  expect(out.failed).toEqual([]);
  expect(statusOf(out.samples, 'sla-gold')).toBe('success');
});

test('the result does not depend on the order the API lists things', async () => {
  const a = await harness({ shuffle: 1, maxPageSize: 3 });
  const b = await harness({ shuffle: 7 });
  try {
    expect(a.sim.data.sessions.map((s) => s.id)).not.toEqual(b.sim.data.sessions.map((s) => s.id));
    expect(sorted((await a.collect()).samples)).toEqual(sorted((await b.collect()).samples));
  } finally {
    await a.close();
    await b.close();
  }
});

test("a finished run's log is fetched once across collections; a running one every collection", async () => {
  h = await harness();
  await h.collect();
  await h.collect();
  const files = h.sim.data.policies.find((p) => p.name === 'files-share')!;
  const running = h.sim.data.sessions.find((s) => s.policyId === files.id && s.status === 'Running')!;
  const sql = h.sim.data.policies.find((p) => p.name === 'sql-main')!;
  const failed = h.sim.data.sessions.find((s) => s.policyId === sql.id && s.status === 'Error')!;
  expect(h.sim.hits(new RegExp(`/jobSessions/${failed.id}/log$`))).toBe(1);
  expect(h.sim.hits(new RegExp(`/jobSessions/${running.id}/log$`))).toBe(2);
  // Sessions are fresh each collection; policies come from the inventory cache.
  expect(h.sim.hits(/\/jobSessions$/)).toBe(2);
  expect(h.sim.hits(/\/policies\/virtualMachines$/)).toBe(1);
});

test('filtered jobs are neither fetched nor exported', async () => {
  h = await harness({}, { jobs: { include: [/^(?:vm-.*|sql-main)$/], exclude: [/^(?:vm-dev)$/] } });
  const out = await h.collect();
  const names = [...new Set(out.samples.map((s) => s.labels.job_name))].sort();
  expect(names).toEqual(['sql-main', 'vm-new', 'vm-prod', 'vm-retired']);
  const dev = h.sim.data.sessions.find((s) => s.status === 'Warning' && s.type === 'PolicyBackup')!;
  expect(h.sim.hits(new RegExp(`/jobSessions/${dev.id}/log$`))).toBe(0);
  expect(h.sim.hits(/\/log$/)).toBe(3);
});

test('an expired token answers 401: one login with the password, then the collection goes on', async () => {
  h = await harness();
  await h.collect();
  expect(h.sim.grants).toEqual({ Password: 1, Refresh_token: 0 });
  h.sim.expireTokens();
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  expect(statusOf(out.samples, 'vm-prod')).toBe('success');
  expect(h.sim.grants.Password).toBe(2);
});

test('a token near expiry is refreshed with Refresh_token; a refused refresh falls back to the password', async () => {
  h = await harness({ tokenLifetimeS: 1 });
  await h.collect();
  await new Promise((r) => setTimeout(r, 600)); // past half the 1 s lifetime: the manager refreshes
  await h.collect();
  expect(h.sim.grants).toEqual({ Password: 1, Refresh_token: 1 });
  const form = h.sim.requests.filter((r) => r.path === '/api/oauth2/token');
  expect(form).toHaveLength(2);
  h.sim.revokeRefreshTokens();
  await new Promise((r) => setTimeout(r, 600));
  const out = await h.collect();
  expect(out.failed).toEqual([]);
  expect(h.sim.grants).toEqual({ Password: 2, Refresh_token: 1 });
  const logins = Object.fromEntries((await h.metrics.logins.get()).values.map((v) => [v.labels.result, v.value]));
  expect(logins).toEqual({ success: 3, failure: 1 });
});
