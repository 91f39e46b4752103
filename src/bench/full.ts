// The full scenario: every product at the bench estate's size, optimised (10 warm collections and an HA pair) and
// naive (caches off, concurrency 1), the lower bounds, the requests for slowly changing data, and the verdicts.
import type { Args } from './args';
import { startEstate } from './estate';
import type { Collection } from './measure';
import { countsMatch, type FullResult, type ModeResult, projectNaiveWall } from './results';
import { type Log, lowerBounds, measureMode } from './run-mode';
import { evaluate, slowDataVerdicts } from './targets';

export async function runFull(args: Args, dir: string, log: Log, renderMs: number): Promise<FullResult> {
  log('full scenario: starting the simulators (estate generation takes a while) ...');
  const estate = await startEstate('full', args.scale, args.latencyMs);
  try {
    const bounds = lowerBounds(estate, args.latencyMs);
    const common = { dir, args, log };
    const opt = await measureMode(estate, 'optimised', {
      ...common,
      latencyMs: args.latencyMs,
      warm: args.warm,
      ha: true,
      profile: true,
    });
    const naive = (
      await measureMode(estate, 'naive', { ...common, latencyMs: args.naiveLatencyMs, warm: args.naiveWarm })
    ).run;
    const o = opt.run;
    const ha = opt.ha!;
    const { naiveWarmWall, ratios } = naiveRatios(args.latencyMs, o, naive);
    const all = [o.cold, ...o.warmRuns, naive.cold, ...naive.warmRuns];
    const crossCheck = {
      collections: all.length,
      matching: all.filter((c) => countsMatch(c.requests, c.selfReported)).length,
    };
    const slowData = slowDataOf(estate.products, o);
    const verdicts = [
      ...evaluate({
        products: estate.products,
        minimal: Object.fromEntries(estate.products.map((p) => [p, bounds[p]!.minimalRequests])),
        largestBoundMs: Object.values(bounds).reduce((m, b) => Math.max(m, b.timeBoundMs), 0),
        warm: o.warm,
        naiveWarmWallMs: naiveWarmWall,
        peakRssBytes: o.peakRssBytes,
        renderMs,
        ha,
      }),
      ...slowDataVerdicts(slowData),
    ];
    return {
      factor: args.scale,
      bounds,
      optimised: o,
      naive: { ...naive, estimatedWarmWallMs: naiveWarmWall },
      ha,
      crossCheck,
      ratios,
      slowData,
      verdicts,
    };
  } finally {
    await estate.close();
  }
}

/** naive ÷ optimised, the naive wall times projected to the main latency. */
function naiveRatios(latencyMs: number, o: ModeResult, naive: ModeResult) {
  const naiveWarmWall = projectNaiveWall(naive.warm.wallMs.p50, medians(naive), naive.latencyMs, latencyMs);
  const naiveColdWall = projectNaiveWall(naive.cold.wallMs, naive.cold.requests, naive.latencyMs, latencyMs);
  const ratios: Record<string, number> = {
    [`warm wall (naive estimated at ${latencyMs} ms)`]: naiveWarmWall / o.warm.wallMs.p50,
    [`warm wall (naive measured at ${naive.latencyMs} ms)`]: naive.warm.wallMs.p50 / o.warm.wallMs.p50,
    [`cold wall (naive estimated at ${latencyMs} ms)`]: naiveColdWall / o.cold.wallMs,
    'warm upstream requests': naive.warm.requestsTotal.p50 / o.warm.requestsTotal.p50,
    'warm exporter CPU': naive.warm.cpuSeconds.p50 / o.warm.cpuSeconds.p50,
  };
  return { naiveWarmWall, ratios };
}

function medians(m: ModeResult): Record<string, number> {
  return Object.fromEntries(Object.entries(m.warm.requests).map(([p, s]) => [p, s.p50]));
}

/** Per product: requests for slowly changing data in the cold collection, and the most in any warm one. */
export function slowDataOf(products: readonly string[], m: Pick<ModeResult, 'cold' | 'warmRuns'>) {
  const most = (p: string) => m.warmRuns.reduce((n, c: Collection) => Math.max(n, c.slowData[p] ?? 0), 0);
  return Object.fromEntries(products.map((p) => [p, { cold: m.cold.slowData[p] ?? 0, warmMax: most(p) }]));
}
