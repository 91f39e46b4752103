// The shape of bench/results.json: every measured figure, the lower bounds and the verdicts of each scenario,
// so that a later run can be compared with it (./compare.ts) field by field.
import type { BoundItem } from '../simulators/bench';
import type { Collection, CollectionSummary, HaResult, Summary } from './measure';
import type { RenderResult } from './render-bench';
import type { Verdict } from './targets';

export interface ModeResult {
  latencyMs: number;
  cold: Collection;
  warm: CollectionSummary;
  warmRuns: Collection[];
  peakRssBytes: number;
  idleRssBytes: number;
}

/** One product's lower bound of a warm collection in a scenario's estate. */
export interface ProductBound {
  target: string;
  /** The simulated estate, in a few words. */
  estate: string;
  minimalRequests: number;
  criticalChain: number;
  timeBoundMs: number;
  items: BoundItem[];
}

export interface FullResult {
  factor: number;
  bounds: Record<string, ProductBound>;
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
  /** Requests for storage, licence, coverage and component data per product: the cold collection's, and the most of any warm one. */
  slowData: Record<string, { cold: number; warmMax: number }>;
  verdicts: Verdict[];
}

/** Exporter CPU per upstream request of warm collections, after 5 µs per series is taken out. */
export interface PerRequest {
  /** Milliseconds per request, over the warm collections. */
  ms: Summary;
  /** The CPU allowance per series taken out, microseconds. */
  seriesAllowanceUs: number;
}

export interface RequestsResult {
  factor: number;
  bounds: Record<string, ProductBound>;
  run: ModeResult;
  perRequest: PerRequest;
  verdicts: Verdict[];
}

export interface CurvePoint {
  factor: number;
  cold: Collection;
  warm: CollectionSummary;
  peakRssBytes: number;
  idleRssBytes: number;
}

export interface CurveResult {
  scenario: string;
  points: CurvePoint[];
  verdicts: Verdict[];
}

export interface Results {
  schema: 2;
  startedAt: string;
  durationSeconds: number;
  machine: { node: string; cpus: number; cpuModel: string; loadavg: { start: number[]; end: number[] } };
  parameters: {
    latencyMs: number;
    naiveLatencyMs: number;
    warmRuns: number;
    naiveWarmRuns: number;
    concurrency: number;
    lookback: string;
    scenarios: string[];
    /** The program measured, when not this build's. */
    exporter?: string;
  };
  render?: RenderResult;
  full?: FullResult;
  requests?: RequestsResult;
  curve?: CurveResult;
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
