// A 1 GiB response body: the HTTP layer stops reading at its cap (64 MiB) and drops the connection, so the
// target is down with a `decode` reason and memory stays bounded whatever the upstream sends.
import { useTwoTargets } from '../helpers/two-targets';
import { upOf } from './helpers';

const env = useTwoTargets({
  global: 'timeout: 20s, min_interval: 0s, inventory_ttl: 0s',
  jobs: 2,
  servers: 2,
  huaweiAuth: 'token',
});

const MB = 1024 * 1024;

test.each([
  ['m365', () => env.m365 as { faults: unknown[] }, 'clouddc'],
  ['clouddc', () => env.huawei as { faults: unknown[] }, 'm365'],
] as const)(
  '%s: a 1 GiB body is capped, the target is down with decode, memory stays bounded',
  async (target, sim, other) => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    // Every data call streams 1 GiB; the login (VB365) is left alone so the big body is what fails.
    sim().faults = [{ kind: 'huge', match: /^\/(v8\/Jobs|v1\/)/i }];
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      const r = await env.ex.get(`/probe?target=${target}&debug=true`, { 'X-Prometheus-Scrape-Timeout-Seconds': '15' });
      expect(r.text).toMatch(/^target down: decode: .*response body exceeds 67108864 bytes/m);
      const metrics = await env.ex.get('/metrics', { 'X-Prometheus-Scrape-Timeout-Seconds': '15' });
      expect(upOf(metrics.text, target)).toBe(0);
      expect(upOf(metrics.text, other)).toBe(1);
    } finally {
      clearInterval(sampler);
      sim().faults = [];
    }
    // Each scrape holds at most 64 MiB of the 1 GiB stream (about 110 MB peak measured), never the body.
    expect((peak - rssBefore) / MB).toBeLessThan(200);
    expect(env.ex.logs()).toMatch(new RegExp(`msg="target down" target=${target} kind=decode `));
    const back = await env.ex.get(`/probe?target=${target}`);
    expect(upOf(back.text, target)).toBe(1);
  },
  60_000,
);
