// The request-dominated scenario (many backup users, one small answer each) and its cost curve: the exporter's
// CPU per upstream request once 5 µs per series is taken out, and the same estate at several sizes, cold and
// warm.
import type { Args } from './args';
import { curveRows, curveVerdicts } from './curve';
import { startEstate } from './estate';
import type { CurvePoint, CurveResult, PerRequest, RequestsResult } from './results';
import { type Log, lowerBounds, measureMode } from './run-mode';
import { percentile, perRequestMs, SERIES_ALLOWANCE_S } from './stats';
import { boundVerdicts, perRequestVerdict } from './targets';
import type { Collection } from './measure';

export async function runRequests(args: Args, dir: string, log: Log): Promise<RequestsResult> {
  log('request-dominated scenario: starting the simulators ...');
  const estate = await startEstate('requests', args.requestsScale, args.latencyMs);
  try {
    const bounds = lowerBounds(estate, args.latencyMs);
    const { run } = await measureMode(estate, 'optimised', {
      dir,
      args,
      log,
      latencyMs: args.latencyMs,
      warm: args.requestsWarm,
      settle: args.settle,
      profile: true,
    });
    const perRequest = perRequestOf(run.warmRuns);
    const requestVerdicts = boundVerdicts({
      products: estate.products,
      minimal: Object.fromEntries(estate.products.map((p) => [p, bounds[p]!.minimalRequests])),
      largestBoundMs: Object.values(bounds).reduce((m, b) => Math.max(m, b.timeBoundMs), 0),
      warm: run.warm,
    });
    return {
      factor: args.requestsScale,
      bounds,
      run,
      perRequest,
      verdicts: [...requestVerdicts, perRequestVerdict(perRequest.ms)],
    };
  } finally {
    await estate.close();
  }
}

/** The per-request figure of each warm collection, summarised. */
export function perRequestOf(warm: readonly Pick<Collection, 'cpuSeconds' | 'series' | 'requestsTotal'>[]): PerRequest {
  const values = warm.map((c) => perRequestMs(c.cpuSeconds, c.series.total, c.requestsTotal));
  return {
    ms: { p50: percentile(values, 50), p95: percentile(values, 95) },
    seriesAllowanceUs: SERIES_ALLOWANCE_S * 1e6,
  };
}

/** The request-dominated estate at each size of `--curve`, one exporter per size. */
export async function runCurve(args: Args, dir: string, log: Log): Promise<CurveResult> {
  const points: CurvePoint[] = [];
  for (const factor of args.curve) {
    log(`cost curve: the request-dominated estate at ${factor}x ...`);
    const estate = await startEstate('requests', factor, args.latencyMs);
    try {
      const { run } = await measureMode(estate, 'optimised', {
        dir,
        args,
        log,
        latencyMs: args.latencyMs,
        warm: args.curveWarm,
        settle: args.settle,
      });
      points.push({
        factor,
        cold: run.cold,
        warm: run.warm,
        peakRssBytes: run.peakRssBytes,
        idleRssBytes: run.idleRssBytes,
      });
    } finally {
      await estate.close();
    }
  }
  return { scenario: 'requests', points, verdicts: curveVerdicts(curveRows(points)) };
}
