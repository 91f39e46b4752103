// Physical-server inventory: each auth method over real HTTPS, marker paging, state mapping, caching, errors.
import path from 'node:path';
import { UpstreamError } from '../../src/common/errors';
import { harness, NOW, stateOf, value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('servers collector', () => {
  test('static token: every server across several marker pages, states mapped, api v1', async () => {
    h = await harness({ maxLimit: 10 });
    const out = await h.main.collect();
    expect(out.info).toEqual({ api_version: 'v1' });
    expect(out.failed).toEqual([]);
    const pages = h.sim.requests.filter((r) => r.path.includes('/physicalservers?'));
    expect(pages).toHaveLength(3);
    expect(pages[1]?.path).toContain('marker=');
    const ids = new Set(out.samples.map((s) => s.labels.server_id));
    expect(ids.size).toBe(24);
    const [s0, s1, s2, s3, s4] = h.sim.servers;
    expect(stateOf(out.samples, 'backup_server_health', s0!.id)).toBe('ok');
    expect(stateOf(out.samples, 'backup_server_power', s0!.id)).toBe('on');
    expect(
      value(out.samples, 'backup_server_health', { server_id: s0!.id, server_name: 'bms-001', state: 'critical' }),
    ).toBe(0);
    // missing health_state: that state set is left out; an undocumented value is unknown
    expect(out.samples.some((s) => s.name === 'backup_server_health' && s.labels.server_id === s1!.id)).toBe(false);
    expect(stateOf(out.samples, 'backup_server_power', s1!.id)).toBeDefined();
    expect(stateOf(out.samples, 'backup_server_health', s2!.id)).toBe('unknown');
    expect(stateOf(out.samples, 'backup_server_power', s3!.id)).toBe('on');
    expect(out.samples.some((s) => s.name === 'backup_server_power' && s.labels.server_id === s4!.id)).toBe(false);
    // one series per state
    expect(out.samples.filter((s) => s.name === 'backup_server_power' && s.labels.server_id === s0!.id)).toHaveLength(
      6,
    );
    expect(out.samples.filter((s) => s.name === 'backup_server_health' && s.labels.server_id === s0!.id)).toHaveLength(
      4,
    );
    expect(out.samples.every((s) => !('target' in s.labels) && !('product' in s.labels))).toBe(true);
  });

  test('the result does not depend on the order the API lists servers in', async () => {
    h = await harness({ orderSeed: 1 });
    const a = await h.main.collect();
    const other = await harness({ orderSeed: 99, maxLimit: 10 });
    try {
      const b = await other.main.collect();
      expect(b.samples).toEqual(a.samples);
    } finally {
      await other.close();
    }
  });

  test('inventory is cached for inventory_ttl', async () => {
    h = await harness({}, () => ({ inventoryTtlMs: 60_000 }));
    await h.main.collect();
    await h.main.collect();
    expect(h.sim.requests.filter((r) => r.path.includes('/physicalservers?'))).toHaveLength(1);
    h.clock.now = NOW + 61_000;
    await h.main.collect();
    expect(h.sim.requests.filter((r) => r.path.includes('/physicalservers?'))).toHaveLength(2);
  });

  test('configured servers are fetched one by one; an unknown id is left out and logged', async () => {
    h = await harness({}, (sim) => ({ servers: [sim.servers[7]!.id, 'no-such-server'] }));
    const out = await h.main.collect();
    expect(new Set(out.samples.map((s) => s.labels.server_id))).toEqual(new Set([h.sim.servers[7]!.id]));
    expect(h.sim.requests.some((r) => r.path.includes('/physicalservers?'))).toBe(false);
    expect(h.logs()).toContain('configured server is unknown to CloudDC');
  });

  test('a wrong static token: collect throws an auth error carrying error_code, error_msg and X-Request-Id', async () => {
    h = await harness({}, () => ({ auth: { kind: 'token', token: 'wrong' } }));
    const err = await h.main.collect().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).kind).toBe('auth');
    expect((err as UpstreamError).message).toMatch(
      /APIGW\.0307: The token must be updated\. \(X-Request-Id req-[0-9a-f]{8}\)/,
    );
    expect((err as UpstreamError).message).not.toContain('wrong');
  });

  test('an inventory failure (500) makes collect throw', async () => {
    h = await harness();
    h.sim.faults.push({ kind: 'status', status: 500, match: /physicalservers$/ });
    await expect(h.main.collect()).rejects.toMatchObject({ kind: 'http' });
  });

  test('a broken list body is a decode error', async () => {
    h = await harness();
    h.sim.faults.push({ kind: 'html', match: /physicalservers$/ });
    await expect(h.main.collect()).rejects.toMatchObject({ kind: 'decode' });
  });

  test('429 answers are retried by the HTTP layer within the deadline', async () => {
    h = await harness({ throttleEvery: 2, maxLimit: 10 });
    const out = await h.main.collect();
    expect(h.sim.counters.throttled).toBeGreaterThan(0);
    expect(new Set(out.samples.map((s) => s.labels.server_id)).size).toBe(24);
  });
});

describe('IAM password auth', () => {
  const iam = (url: string) => ({
    kind: 'iam' as const,
    url,
    domain: 'acme',
    username: 'monitor',
    password: 'secret-iam',
  });

  test('logs in once, project-scoped, reuses the token, and logs in again after the token is rejected', async () => {
    // Real time: the TokenManager judges expiry by the wall clock.
    h = await harness({}, (sim) => ({ auth: iam(sim.url), inventoryTtlMs: 0 }), {}, { now: Date.now() });
    await h.main.collect();
    await h.main.collect();
    expect(h.sim.counters.logins).toBe(1);
    h.sim.expireTokens();
    const out = await h.main.collect();
    expect(h.sim.counters.logins).toBe(2);
    expect(out.samples.length).toBeGreaterThan(0);
    const logins = await h.metrics.logins.get();
    expect(logins.values.find((v) => v.labels.result === 'success')?.value).toBe(2);
  });

  test('a token close to expires_at is renewed before use', async () => {
    h = await harness(
      { tokenLifetimeMs: 200 },
      (sim) => ({ auth: iam(sim.url), inventoryTtlMs: 0 }),
      {},
      { now: Date.now() },
    );
    h.clock.now = Date.now();
    await h.main.collect();
    await new Promise((r) => setTimeout(r, 250));
    h.clock.now = Date.now();
    await h.main.collect();
    expect(h.sim.counters.logins).toBe(2);
    expect(h.sim.counters.rejected).toBe(0);
  });

  test('a wrong password fails the target with an auth error', async () => {
    h = await harness({}, (sim) => ({ auth: { ...iam(sim.url), password: 'nope' } }), {}, { now: Date.now() });
    const err = (await h.main.collect().catch((e: unknown) => e)) as UpstreamError;
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(
      /POST \/v3\/auth\/tokens: HTTP 401: The username or password is wrong\. \(X-Request-Id req-/,
    );
    expect(err.message).not.toContain('nope');
    expect((await h.metrics.logins.get()).values.find((v) => v.labels.result === 'failure')?.value).toBe(1);
  });
});

describe('AK/SK signing', () => {
  const aksk = { accessKey: 'AKEXAMPLE', secretKey: 'SKEXAMPLE-secret' };

  test('signed requests are accepted by the simulator, which recomputes the signature', async () => {
    h = await harness({ aksk, maxLimit: 10 }, () => ({ auth: { kind: 'aksk', ...aksk } }));
    const out = await h.main.collect();
    expect(new Set(out.samples.map((s) => s.labels.server_id)).size).toBe(24);
    expect(h.sim.counters.rejected).toBe(0);
  });

  test('signed POST (create export), status polls and the archive download all pass verification', async () => {
    h = await harness({ aksk }, (_sim, dir) => ({
      auth: { kind: 'aksk', ...aksk },
      logExports: {
        everyMs: 86_400_000,
        downloadDir: path.join(dir, 'dl'),
        keep: 1,
        stateFile: path.join(dir, 'state.json'),
      },
    }));
    expect(await h.main.session.startLogExport(h.sim.servers[0]!.id)).toMatchObject({ status: 202 });
    for (let i = 0; i < 3; i++) await h.main.collect();
    await h.main.session.downloadsIdle();
    expect(h.sim.counters.downloads).toBe(1);
    expect(h.sim.counters.rejected).toBe(0);
  });

  test('a wrong secret key is rejected: auth error naming the signature', async () => {
    h = await harness({ aksk }, () => ({
      auth: { kind: 'aksk', accessKey: aksk.accessKey, secretKey: 'wrong-secret' },
    }));
    const err = (await h.main.collect().catch((e: unknown) => e)) as UpstreamError;
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('verify aksk signature fail');
    expect(err.message).toContain('check access_key and secret_key');
    expect(err.message).not.toContain('wrong-secret');
  });

  test('clock skew is named as such', async () => {
    // The exporter's clock is an hour ahead of the API (whose Date header is the real time).
    h = await harness(
      { aksk, now: () => Date.now() },
      () => ({ auth: { kind: 'aksk', ...aksk } }),
      {},
      { now: Date.now() + 3_600_000 },
    );
    const err = (await h.main.collect().catch((e: unknown) => e)) as UpstreamError;
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/X-Sdk-Date expired/);
    expect(err.message).toMatch(/clock skew: the local clock is 3[56]\d\d s off/);
  });
});
