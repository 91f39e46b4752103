// Logins are scarce (contract section 2): a 404 from an endpoint a version may lack is "no such data" and never
// a reason to detect the version (a login) again; at most two grants per collection; after a rejected grant
// none for 1 minute, doubling up to 15 minutes, until a reload clears the wait.
import { collectParts } from '../../src/core/collection';
import { veeamM365 } from '../../src/products/veeam_m365';
import type { VeeamM365Target } from '../../src/products/veeam_m365/config';
import { harness, NOW, statusOf, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  jest.restoreAllMocks();
  await h?.close();
  h = undefined;
});

const MIN = 60_000;
const grants = () => h!.sim.logins.length;

test.each(['v5', 'v8'])(
  '%s without /ServiceInstance: one grant for three collections, 404 kept for inventory_ttl',
  async (version) => {
    h = await harness({ version, lacks: ['ServiceInstance'] });
    for (const at of [NOW, NOW + MIN, NOW + 2 * MIN]) {
      const out = await h.collect(at);
      expect(out.info).toEqual({ api_version: version });
      expect(out.failed).toEqual([]);
    }
    expect(grants()).toBe(1);
    expect(h.sim.count(/\/token$/)).toBe(8 - Number(version.slice(1)) + 1);
    expect(h.sim.count(/ServiceInstance/)).toBe(1);
    // After inventory_ttl it is asked again, still without a login.
    await h.collect(NOW + 6 * MIN);
    expect([grants(), h.sim.count(/ServiceInstance/)]).toEqual([1, 2]);
  },
);

test.each(['v6', 'v7', 'v8'])(
  '%s without /CopyJobs: no copy jobs, jobs and sessions succeed, one grant',
  async (version) => {
    h = await harness({ version, lacks: ['CopyJobs'] });
    for (const at of [NOW, NOW + MIN, NOW + 2 * MIN]) {
      const out = await h.collect(at);
      expect(out.failed).toEqual([]);
      expect(out.samples.some((s) => s.labels.job_type === 'Copy')).toBe(false);
      expect(statusOf(out.samples, 'SharePoint - Hourly')).toBe('warning');
    }
    expect(grants()).toBe(1);
    expect(h.sim.count(/CopyJobs/)).toBe(1);
  },
);

test('tokens that keep dying: at most two grants in one collection', async () => {
  h = await harness({ version: 'v8', tokenUses: 2 }, { apiVersion: 'v8' });
  const out = await h.collect().catch((err: Error) => err);
  expect(grants()).toBe(2);
  await h.collect(NOW + MIN).catch(() => undefined);
  expect(grants()).toBe(4);
  // The collection that ran out of logins says so; it is not a rejected password (no wait follows).
  const reason = out instanceof Error ? out.message : out.failed.map((f) => f.reason).join('; ');
  expect(reason).toMatch(/no further login in this collection|401/);
  expect(h.sim.logins.every((l) => l.ok)).toBe(true);
});

/** Date.now shifted by `offset` ms; the login gate reads this clock. */
function shiftClock(): { advance(ms: number): void } {
  const real = Date.now.bind(Date);
  let offset = 0;
  jest.spyOn(Date, 'now').mockImplementation(() => real() + offset);
  return {
    advance: (ms) => {
      offset += ms;
    },
  };
}

test('a rejected grant: none for 1 minute, doubling up to 15; a reload logs in again', async () => {
  const clock = shiftClock();
  h = await harness({ version: 'v7' }, { auth: { username: 'monitor', password: 'wrong' } });
  await expect(h.collect()).rejects.toThrow(/failed with 400/);
  expect(grants()).toBe(1);
  for (const [i, minutes] of [1, 2, 4, 8, 15, 15].entries()) {
    clock.advance(minutes * MIN - 1000);
    await expect(h.collect()).rejects.toThrow(/no login tried until/);
    expect(grants()).toBe(i + 1);
    clock.advance(1000);
    await expect(h.collect()).rejects.toThrow(/failed with 400/);
    expect(grants()).toBe(i + 2);
  }
  // Detection probes /v8/token first: its 404 is no grant and starts no wait.
  expect(h.sim.count(/\/v8\/token/)).toBe(grants());
  // A reload clears the wait of an unchanged target: the same state tries again at once.
  h.gate.clear();
  await expect(h.collect()).rejects.toThrow(/failed with 400/);
  expect(grants()).toBe(8);
  // A reload with the password fixed: a new state with the same (cleared) gate logs in.
  h.gate.clear();
  const fixed: VeeamM365Target = { ...h.target, auth: { username: 'monitor', password: 'secret-m365' } };
  const deps = { log: h.log, caches: h.caches, http: h.http.background(), gate: h.gate, onLogin: () => undefined };
  const state = veeamM365.createState(fixed, { ...deps, schedulers: true });
  const stop = new AbortController().signal;
  const input = { target: fixed, module: veeamM365, state, http: h.http, log: h.log, timeoutSeconds: 10 };
  const o = await collectParts({ ...input, cut: false, debug: false, stop } as Parameters<typeof collectParts>[0], NOW);
  expect(o.error).toBeUndefined();
  expect(h.sim.logins.map((l) => l.ok).slice(-2)).toEqual([false, true]);
});

test('token times as OWIN writes them (RFC 1123, not the documented date-time) do not matter', async () => {
  h = await harness({ version: 'v7', tokenTimes: 'rfc1123' });
  expect((await h.collect()).failed).toEqual([]);
  await h.collect(NOW + MIN);
  expect(grants()).toBe(1);
});
