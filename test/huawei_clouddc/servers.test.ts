// Physical-server inventory over real HTTPS: marker paging, state mapping, ordering, caching and errors.
import { UpstreamError } from '../../src/common/errors';
import { harness, NOW, stateOf, value, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('servers collector: listing', () => {
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
});

describe('servers collector: selection and caching', () => {
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
});

describe('servers collector: failures', () => {
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
