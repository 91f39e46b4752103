import { modeGlobals } from '../../src/bench/estate';
import type { CollectionSummary, HaResult } from '../../src/bench/measure';
import { syntheticSeries } from '../../src/bench/render-bench';
import { countsMatch } from '../../src/bench/results';
import { evaluate } from '../../src/bench/targets';

const s = (p50: number, p95 = p50) => ({ p50, p95 });
const products = ['veeam_m365', 'veeam_azure', 'ahsay', 'huawei_clouddc'] as const;

function warm(
  requests: [number, number, number, number],
  wallMs: number,
  cpuSeconds: number,
  series: number,
): CollectionSummary {
  return {
    wallMs: s(wallMs),
    requestsTotal: s(requests.reduce((a, b) => a + b, 0)),
    cpuSeconds: s(cpuSeconds),
    series: s(series),
    targetSeries: s(series),
    plainBytes: s(0),
    gzipBytes: s(0),
    rssBytes: s(0),
    heapUsedBytes: s(0),
    requests: {
      veeam_m365: s(requests[0]),
      veeam_azure: s(requests[1]),
      ahsay: s(requests[2]),
      huawei_clouddc: s(requests[3]),
    },
  };
}

const ha = (total: number): HaResult => ({
  requests: { veeam_m365: 0, veeam_azure: 0, ahsay: total, huawei_clouddc: 0 },
  requestsTotal: total,
  wallMs: [1, 1],
  shared: [],
});

describe('target verdicts', () => {
  const minimal = { veeam_m365: 69, veeam_azure: 10, ahsay: 1002, huawei_clouddc: 0 };
  const base = {
    products,
    minimal,
    largestBoundMs: 2520,
    naiveWarmWallMs: 150_000,
    peakRssBytes: 200 * 2 ** 20,
    renderMs: 200,
  };

  it('meets every target with figures inside the limits', () => {
    const v = evaluate({ ...base, warm: warm([69, 10, 1002, 0], 4000, 1.0, 155_000), ha: ha(1081) });
    expect(v.filter((x) => !x.met)).toEqual([]);
    expect(v).toHaveLength(10);
  });

  it('misses the request target above 1.2 x minimal, and any request where none is needed', () => {
    const v = evaluate({ ...base, warm: warm([84, 12, 1002, 1], 4000, 1.0, 155_000), ha: ha(1099) });
    const missed = v.filter((x) => !x.met).map((x) => x.target);
    expect(missed).toEqual([
      'warm requests veeam_m365 <= 1.2 x minimal',
      'warm requests huawei_clouddc <= 1.2 x minimal',
    ]);
  });

  it('misses wall, speed-up, CPU, memory, rendering and HA targets past their limits', () => {
    const v = evaluate({
      ...base,
      naiveWarmWallMs: 50_000,
      peakRssBytes: 301 * 2 ** 20,
      renderMs: 251,
      warm: warm([69, 10, 1002, 0], 5041, 1.9, 155_000),
      ha: ha(1082),
    });
    expect(v.filter((x) => !x.met).map((x) => x.target)).toEqual([
      'warm wall time <= 2 x largest bound',
      'warm >= 10 x faster than naive',
      'CPU per warm collection <= 5 us/series + 1 ms/request',
      'peak RSS <= 300 MB',
      'render 100,000 series <= 250 ms',
      'HA pair costs no more requests than one scrape',
    ]);
  });
});

describe('bench configuration', () => {
  it('turns the caches off and serialises requests in naive mode only', () => {
    expect(modeGlobals('naive')).toEqual({ timeout: '10m', min_interval: '0s', inventory_ttl: '0s', concurrency: 1 });
    expect(modeGlobals('optimised')).toEqual({ timeout: '10m', min_interval: '0s' });
  });
  it('builds exactly the asked number of synthetic series', () => {
    const groups = syntheticSeries(1003, 4);
    expect(groups).toHaveLength(4);
    expect(groups.reduce((n, g) => n + g.samples.length, 0)).toBe(1003);
  });
  it('compares simulator counts with the exporter counter per product', () => {
    expect(countsMatch({ ahsay: 3, veeam_m365: 0 }, { ahsay: 3 })).toBe(true);
    expect(countsMatch({ ahsay: 3 }, { ahsay: 2 })).toBe(false);
  });
});
