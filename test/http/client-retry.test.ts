import { startSimulator, type Simulator } from '../../src/simulators/common';
import { createTargetHttp, type TargetHttp } from '../../src/http/client';
import { retryDelayMs } from '../../src/http/retry';
import { SelfMetrics } from '../../src/core/self-metrics';
import type { RequestTrace } from '../../src/http/types';
import { caught, closedPort, inSeconds, quietLog, target } from './helpers';

let sim: Simulator;
let http: TargetHttp;
let metrics: SelfMetrics;

beforeAll(async () => {
  sim = await startSimulator({ handler: (req) => (req.path === '/v8/Jobs' ? { json: [] } : undefined) });
  metrics = new SelfMetrics({ defaultMetrics: false });
  const t = target(sim.url, { name: 'm365' });
  http = createTargetHttp(t, {
    log: quietLog,
    observer: metrics.upstreamObserver({ target: t.name, product: t.product }),
  });
});
afterAll(async () => {
  await http.close();
  await sim.close();
});
beforeEach(() => {
  sim.faults = [];
  sim.requests.length = 0;
  metrics.upstreamRequests.reset();
});

async function codes(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const v of (await metrics.upstreamRequests.get()).values) {
    expect(v.labels.target).toBe('m365');
    expect(v.labels.product).toBe('veeam_m365');
    out[String(v.labels.code)] = v.value;
  }
  return out;
}

describe('retry', () => {
  it('retries a 429 after Retry-After when the deadline allows', async () => {
    sim.faults = [{ kind: 'status', status: 429, retryAfter: '1', count: 1 }];
    const trace: RequestTrace[] = [];
    const res = await http.forCollection(inSeconds(5), trace).request({ path: '/v8/Jobs' });
    expect(res.status).toBe(200);
    expect(sim.requests).toHaveLength(2);
    expect(trace.map((t) => t.outcome)).toEqual([429, 200]);
    expect(await codes()).toEqual({ 429: 1, 200: 1 });
  });

  it('gives up at once with the 429 when Retry-After would pass the deadline', async () => {
    sim.faults = [{ kind: 'status', status: 429, retryAfter: '30' }];
    const err = await caught(() => http.forCollection(inSeconds(3)).request({ path: '/v8/Jobs' }));
    expect(err.kind).toBe('http');
    expect(err.details.status).toBe(429);
    expect(sim.requests).toHaveLength(1);
  });

  it('honours Retry-After as an HTTP date', async () => {
    sim.faults = [{ kind: 'status', status: 503, retryAfter: new Date(Date.now() + 60_000).toUTCString() }];
    const err = await caught(() => http.forCollection(inSeconds(3)).request({ path: '/v8/Jobs' }));
    expect(err.details.status).toBe(503);
    expect(sim.requests).toHaveLength(1);
  });
});

describe('retry: backoff and limits', () => {
  it('retries 503 with backoff when there is no Retry-After', async () => {
    sim.faults = [{ kind: 'status', status: 503, count: 2 }];
    const res = await http.forCollection(inSeconds(10)).request({ path: '/v8/Jobs' });
    expect(res.status).toBe(200);
    expect(sim.requests).toHaveLength(3);
  });

  it('stops after 5 attempts', async () => {
    sim.faults = [{ kind: 'status', status: 503, retryAfter: '0' }];
    const err = await caught(() => http.forCollection(inSeconds(10)).request({ path: '/v8/Jobs' }));
    expect(err.details.status).toBe(503);
    expect(sim.requests).toHaveLength(5);
  });

  it('does not retry when retry is false, nor other statuses', async () => {
    sim.faults = [{ kind: 'status', status: 429, retryAfter: '0', count: 1 }];
    expect(
      (await caught(() => http.forCollection(inSeconds(5)).request({ path: '/v8/Jobs', retry: false }))).details.status,
    ).toBe(429);
    sim.faults = [{ kind: 'status', status: 502, count: 1 }];
    expect((await caught(() => http.forCollection(inSeconds(5)).request({ path: '/v8/Jobs' }))).details.status).toBe(
      502,
    );
    expect(sim.requests).toHaveLength(2);
  });

  it('computes delays from Retry-After or backoff', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryDelayMs('2', 1, now)).toBe(2000);
    expect(retryDelayMs('Thu, 01 Jan 2026 00:00:05 GMT', 1, now)).toBe(5000);
    expect(retryDelayMs('Wed, 31 Dec 2025 00:00:00 GMT', 1, now)).toBe(0);
    expect(retryDelayMs(undefined, 1, now)).toBe(200);
    expect(retryDelayMs('soon', 3, now)).toBe(800);
  });
});

describe('metrics and trace', () => {
  it('counts every attempt by status, timeout or error and observes durations', async () => {
    const client = http.forCollection(inSeconds(5));
    await client.request({ path: '/v8/Jobs' });
    sim.faults = [{ kind: 'status', status: 500, count: 1 }];
    await caught(() => client.request({ path: '/v8/Jobs' }));
    sim.faults = [{ kind: 'malformed', count: 1 }];
    await caught(async () => (await client.request({ path: '/v8/Jobs' })).json());
    sim.faults = [{ kind: 'hang', count: 1 }];
    await caught(() => http.forCollection(Date.now() + 200).request({ path: '/v8/Jobs' }));
    sim.faults = [{ kind: 'reset', count: 1 }];
    await caught(() => client.request({ path: '/v8/Jobs' }));
    const closed = target(`http://127.0.0.1:${await closedPort()}`, { name: 'm365' });
    const refused = createTargetHttp(closed, {
      log: quietLog,
      observer: metrics.upstreamObserver({ target: closed.name, product: closed.product }),
    });
    await caught(() => refused.forCollection(inSeconds(5)).request({ path: '/x' }));
    await refused.close();
    expect(await codes()).toEqual({ 200: 2, 500: 1, timeout: 1, error: 2 });
    const histogram = (await metrics.upstreamDuration.get()).values.find((v) => v.metricName?.endsWith('_count'));
    expect(histogram?.value).toBeGreaterThanOrEqual(6);
  });

  it('traces the path with query keys only', async () => {
    const trace: RequestTrace[] = [];
    await http
      .forCollection(inSeconds(5), trace)
      .request({ path: '/v8/Jobs', query: { limit: 30, token: 's3cret', x: undefined } });
    expect(trace).toEqual([
      { method: 'GET', path: '/v8/Jobs?limit=…&token=…', outcome: 200, durationMs: expect.any(Number) },
    ]);
    expect(JSON.stringify(trace)).not.toContain('s3cret');
  });
});
