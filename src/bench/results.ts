// The shape of bench/results.json: every measured figure, the scenario's lower bounds and the verdicts, so a
// later run can be compared field by field.
import type { BoundItem } from './bounds';
import type { EstateScale, Product } from './estate';
import type { Collection, CollectionSummary, HaResult } from './measure';
import type { RenderResult } from './render-bench';
import type { Verdict } from './targets';

export interface ModeResult {
  latencyMs: number;
  cold: Collection;
  warm: CollectionSummary;
  warmRuns: Collection[];
  peakRssBytes: number;
}

export interface Results {
  schema: 1;
  startedAt: string;
  durationSeconds: number;
  machine: { node: string; cpus: number; cpuModel: string };
  parameters: {
    latencyMs: number;
    naiveLatencyMs: number;
    warmRuns: number;
    naiveWarmRuns: number;
    concurrency: number;
    lookback: string;
    scale: EstateScale;
  };
  bounds: Record<
    Product,
    { target: string; minimalRequests: number; criticalChain: number; timeBoundMs: number; items: BoundItem[] }
  >;
  optimised: ModeResult;
  naive: ModeResult & {
    /** Warm p50 wall time projected to the main latency (every naive request is sequential per target). */
    estimatedWarmWallMs: number;
  };
  ha: HaResult;
  /** Collections whose simulator counts equal the exporter's upstream_requests_total deltas, per product. */
  crossCheck: { collections: number; matching: number };
  /** naive ÷ optimised, warm p50 unless named cold. */
  ratios: Record<string, number>;
  render: RenderResult;
  verdicts: Verdict[];
}

/**
 * Naive warm wall time at `latencyMs` when it was measured at `measuredLatencyMs`: with concurrency 1 each
 * target's requests are sequential and targets run side by side, so the slowest target's request count times
 * the latency difference is added.
 */
export function projectNaiveWall(
  measuredWallMs: number,
  requestsByProduct: Record<string, number>,
  measuredLatencyMs: number,
  latencyMs: number,
): number {
  const longest = Object.values(requestsByProduct).reduce((m, n) => Math.max(m, n), 0);
  return measuredWallMs + longest * (latencyMs - measuredLatencyMs);
}

/** Whether the requests counted at the simulators equal the exporter's own counter deltas, per product. */
export function countsMatch(requests: Record<string, number>, selfReported: Record<string, number>): boolean {
  return Object.keys(requests).every((p) => requests[p] === (selfReported[p] ?? 0));
}
