import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulators/common';
import { createTargetHttp } from '../../src/http/client';
import { SelfMetrics } from '../../src/core/self-metrics';
import type { RequestTrace } from '../../src/http/types';
import { caught, inSeconds, quietLog, startRelay, target } from './helpers';

const archive = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
let inFlight = 0;
let maxInFlight = 0;
let sim: Simulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({
    handler: async (req) => {
      if (req.path === '/slow') {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 40));
        inFlight--;
        return { json: { ok: true } };
      }
      if (req.path === '/export.tar.gz') return { body: archive, headers: { 'content-type': 'application/gzip' } };
      return req.path === '/ping' ? { json: 1 } : undefined;
    },
  });
  dir = await mkdtemp(join(tmpdir(), 'http-pool-'));
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  sim.faults = [];
  maxInFlight = 0;
});

describe('connection pool', () => {
  it('keeps at most `concurrency` requests in flight across all collections', async () => {
    const http = createTargetHttp(target(sim.url, { concurrency: 3 }), { log: quietLog });
    const a = http.forCollection(inSeconds(20));
    const b = http.forCollection(inSeconds(20));
    // Two origins (the target URL and an absolute URL), so the pool's per-origin limit alone would allow 6.
    const other = `http://localhost:${sim.port}/slow`;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).request({ path: i % 4 < 2 ? '/slow' : other })),
    );
    await http.close();
    expect(maxInFlight).toBe(3);
  });

  it('lets queued requests time out at their deadline', async () => {
    const metrics = new SelfMetrics({ defaultMetrics: false });
    const t = target(sim.url, { concurrency: 1 });
    const http = createTargetHttp(t, {
      log: quietLog,
      observer: metrics.upstreamObserver({ target: t.name, product: t.product }),
    });
    sim.faults = [{ kind: 'hang', match: /^\/ping$/, count: 1 }];
    const trace: RequestTrace[] = [];
    const client = http.forCollection(Date.now() + 300, trace);
    const results = await Promise.allSettled([client.request({ path: '/ping' }), client.request({ path: '/slow' })]);
    await http.close();
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(trace.map((t) => `${t.path} ${t.outcome}`).sort()).toEqual(['/ping timeout', '/slow timeout']);
    expect(maxInFlight).toBe(0);
    // The queued request never reached the vendor: only the hanging one counts.
    expect((await metrics.upstreamRequests.get()).values.map((v) => [v.labels.code, v.value])).toEqual([
      ['timeout', 1],
    ]);
  });
});

describe('connection pool: reuse, background work and close', () => {
  it('reuses one keep-alive connection for sequential requests', async () => {
    const relay = await startRelay(sim.port);
    const http = createTargetHttp(target(relay.url), { log: quietLog });
    const client = http.forCollection(inSeconds(20));
    for (let i = 0; i < 20; i++) await client.request({ path: '/ping' });
    await http.close();
    await relay.close();
    expect(relay.connections()).toBe(1);
  });

  it('background requests get their own rolling timeout', async () => {
    const http = createTargetHttp(target(sim.url), { log: quietLog });
    expect((await http.background().request({ path: '/ping' })).json()).toBe(1);
    sim.faults = [{ kind: 'hang', count: 1 }];
    const err = await caught(() => http.background(200).request({ path: '/ping' }));
    await http.close();
    expect(err.kind).toBe('timeout');
  });

  it('refuses new requests after close', async () => {
    const http = createTargetHttp(target(sim.url), { log: quietLog });
    await http.close();
    await expect(http.forCollection(inSeconds(5)).request({ path: '/ping' })).rejects.toThrow();
  });
});

describe('download', () => {
  it('streams the body to a file with its size and sha256', async () => {
    const http = createTargetHttp(target(sim.url), { log: quietLog, maxBodyBytes: 1000 });
    const file = join(dir, 'a.tar.gz.part');
    const result = await http.background().download({ path: '/export.tar.gz' }, file);
    await http.close();
    expect(result).toEqual({ bytes: archive.length, sha256: createHash('sha256').update(archive).digest('hex') });
    expect((await readFile(file)).equals(archive)).toBe(true);
  });

  it('maps error statuses and transport failures like request()', async () => {
    const http = createTargetHttp(target(sim.url), { log: quietLog });
    const file = join(dir, 'b.part');
    expect((await caught(() => http.background().download({ path: '/nope' }, file))).kind).toBe('http');
    sim.faults = [{ kind: 'half-body', count: 1 }];
    expect((await caught(() => http.background().download({ path: '/export.tar.gz' }, file))).kind).toBe('unreachable');
    sim.faults = [{ kind: 'status', status: 503, retryAfter: '0', count: 1 }];
    expect((await http.background().download({ path: '/export.tar.gz' }, file)).bytes).toBe(archive.length);
    const missing = join(dir, 'no-such-dir', 'c.part');
    expect((await caught(() => http.background().download({ path: '/export.tar.gz' }, missing))).kind).toBe('internal');
    await http.close();
  });
});
