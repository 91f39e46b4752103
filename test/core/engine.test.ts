// The collection rules of contract 2 (deadline, min_interval, single flight, part isolation, target health)
// exercised with a minimal product over a real loopback server.
import { TargetRunner, deadlineSeconds } from '../../src/core/target';
import { SelfMetrics } from '../../src/core/self-metrics';
import type { ProductModule } from '../../src/core/module';
import { veeamM365 } from '../../src/products/veeam_m365';
import type { VeeamM365Target } from '../../src/products/veeam_m365/config';
import { silentLogger } from '../../src/common/log';
import { startSimulator, type Simulator } from '../../src/simulators/common';
import { joinChunks } from '../../src/core/render';
import { m365Target } from '../helpers/targets';
import { promtoolCheckMetrics, requireBinary } from '../helpers/promtool';

/** A product whose inventory is GET /jobs and whose `logs` part is GET /extra. */
const testModule: ProductModule<VeeamM365Target> = {
  ...veeamM365,
  createState: () => ({
    async collect(ctx) {
      const jobs = await ctx.inventory(async () =>
        (await ctx.http.request({ path: '/jobs' })).json<Array<{ id: string }>>(),
      );
      await ctx.part('logs', () => ctx.http.request({ path: '/extra' }));
      return {
        info: { api_version: 'v8' },
        samples: jobs.map((j) => ({
          name: 'backup_job_enabled' as const,
          labels: { job_id: j.id, job_name: j.id, job_type: 'Backup' },
          value: 1,
        })),
      };
    },
  }),
};

let sim: Simulator;
let extraOk = true;
beforeAll(async () => {
  sim = await startSimulator({
    handler: (req) => {
      if (req.path === '/jobs') return { json: [{ id: 'j1' }, { id: 'j2' }] };
      if (req.path === '/extra') return extraOk ? { json: {} } : { status: 500, json: { message: 'boom' } };
      return undefined;
    },
  });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.requests.length = 0;
  sim.faults = [];
  sim.latencyMs = 0;
  extraOk = true;
});

function runner(o: Partial<VeeamM365Target> = {}) {
  const deps = { log: silentLogger(), metrics: new SelfMetrics({ defaultMetrics: false }), schedulers: true };
  return new TargetRunner(m365Target(sim.url, o), testModule, deps);
}

describe('collection rules', () => {
  test.each([
    [30_000, undefined, 30],
    [30_000, 10, 9.5],
    [5_000, 10, 5],
    [30_000, 0.3, 0.1],
    [30_000, Number.NaN, 30],
  ])('deadline for timeout %pms and header %p is %ps', (timeout, header, expected) => {
    expect(deadlineSeconds(timeout, header)).toBeCloseTo(expected);
  });

  test('a healthy collection reports up, every collector and the health series', async () => {
    const r = runner();
    const c = await r.collect();
    const text = joinChunks([c.chunks]);
    expect(c.up).toBe(true);
    expect(text).toContain('backup_target_up{target="m365",product="veeam_m365"} 1');
    for (const col of ['jobs', 'sessions', 'logs']) expect(text).toContain(`collector="${col}"} 1`);
    expect(text).toContain('backup_target_info{target="m365",product="veeam_m365",api_version="v8"} 1');
    expect(text).toMatch(/backup_target_scrape_timeout_seconds\{[^}]*\} 10\n/);
    if (requireBinary('promtool')) expect(promtoolCheckMetrics(text)).toBe('');
    await r.close();
  });

  test('a failing part is isolated: its collector is 0, the rest stays', async () => {
    extraOk = false;
    const r = runner();
    const c = await r.collect();
    const text = joinChunks([c.chunks]);
    expect(text).toContain('collector="logs"} 0');
    expect(text).toContain('collector="jobs"} 1');
    expect(text).toContain('backup_job_enabled{');
    expect(c.failures[0]).toMatchObject({ collector: 'logs' });
    expect(c.failures[0]!.reason).toMatch(/^http: .*500/);
    await r.close();
  });

  test('an inventory failure takes the target down: every collector 0, no job series', async () => {
    sim.faults = [{ kind: 'status', status: 500, match: /^\/jobs$/ }];
    const r = runner();
    const c = await r.collect();
    const text = joinChunks([c.chunks]);
    expect(c.up).toBe(false);
    expect(text).toContain('backup_target_up{target="m365",product="veeam_m365"} 0');
    expect(text).not.toMatch(/collector="\w+"} 1/);
    expect(text).not.toContain('backup_job_');
    expect(text).not.toContain('backup_target_info');
    await r.close();
  });
});

describe('collection rules: deadlines', () => {
  test('a hanging server is cut off at the deadline from the scrape header', async () => {
    sim.faults = [{ kind: 'hang', match: /^\/jobs$/ }];
    const r = runner();
    const started = Date.now();
    const c = await r.collect({ scrapeTimeoutSeconds: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(c.up).toBe(false);
    expect(c.timeoutSeconds).toBe(0.5);
    expect(c.error?.kind).toBe('timeout');
    await r.close();
  });

  test('a part still running at the deadline fails with timeout; the target stays up with its inventory', async () => {
    sim.faults = [{ kind: 'hang', match: /^\/extra$/ }];
    const r = runner();
    const started = Date.now();
    const c = await r.collect({ scrapeTimeoutSeconds: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
    const text = joinChunks([c.chunks]);
    expect(c.up).toBe(true);
    expect(c.timedOut).toBe(true);
    expect(c.failures).toEqual([
      expect.objectContaining({ collector: 'logs', reason: expect.stringMatching(/^timeout: /) }),
    ]);
    expect(text).toContain('backup_target_up{target="m365",product="veeam_m365"} 1');
    expect(text).toContain('collector="logs"} 0');
    expect(text).toContain('collector="jobs"} 1');
    expect(text).toContain('backup_job_enabled{');
    await r.close({ abort: true });
  });
});

describe('collection rules: reuse', () => {
  test('single flight: concurrent requests share one collection', async () => {
    sim.latencyMs = 50;
    const r = runner();
    const [a, b, c] = await Promise.all([r.collect(), r.collect(), r.collect({ fresh: true })]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(sim.requests.filter((q) => q.path === '/jobs')).toHaveLength(1);
    await r.close();
  });

  test('min_interval reuses the last collection; fresh (debug) does not', async () => {
    const r = runner({ minIntervalMs: 60_000 });
    const first = await r.collect();
    expect(await r.collect()).toBe(first);
    expect(sim.requests.filter((q) => q.path === '/jobs')).toHaveLength(1);
    const fresh = await r.collect({ fresh: true });
    expect(fresh).not.toBe(first);
    expect(sim.requests.filter((q) => q.path === '/jobs')).toHaveLength(2);
    await r.close();
  });

  test('a failed collection is reused under min_interval too', async () => {
    sim.faults = [{ kind: 'status', status: 500, match: /^\/jobs$/, count: 1 }];
    const r = runner({ minIntervalMs: 60_000 });
    const first = await r.collect();
    expect(first.up).toBe(false);
    expect(await r.collect()).toBe(first);
    await r.close();
  });
});
