// A run against the reference figures committed in bench/results.json: the difference of each headline figure,
// and the per-request CPU flagged when it rose beyond the tolerance (the figures of a shared machine vary by
// 10-20 % between runs; the tolerance is above that).
import type { Results } from './results';

/** A per-request figure more than this much above the reference is flagged as a regression. */
export const PER_REQUEST_TOLERANCE = 0.25;

export interface ComparisonRow {
  figure: string;
  unit: string;
  reference: number;
  now: number;
  /** (now − reference) ÷ reference. */
  change: number;
  regression: boolean;
}

export interface Comparison {
  /** Why nothing could be compared, if so. */
  skipped?: string;
  rows: ComparisonRow[];
  regressions: string[];
}

type Figure = [figure: string, unit: string, pick: (r: Results) => number | undefined, flagged?: boolean];

const FIGURES: Figure[] = [
  ['requests: CPU per upstream request, warm p50', 'ms', (r) => r.requests?.perRequest.ms.p50, true],
  ['requests: exporter CPU, warm p50', 'ms', (r) => ms(r.requests?.run.warm.cpuSeconds.p50)],
  ['requests: wall, warm p50', 'ms', (r) => r.requests?.run.warm.wallMs.p50],
  ['requests: upstream requests, warm p50', '', (r) => r.requests?.run.warm.requestsTotal.p50],
  ['requests: series', '', (r) => r.requests?.run.warm.series.p50],
  ['full: exporter CPU, warm p50', 'ms', (r) => ms(r.full?.optimised.warm.cpuSeconds.p50)],
  ['full: wall, warm p50', 'ms', (r) => r.full?.optimised.warm.wallMs.p50],
  ['full: wall, cold', 'ms', (r) => r.full?.optimised.cold.wallMs],
  ['full: upstream requests, warm p50', '', (r) => r.full?.optimised.warm.requestsTotal.p50],
  ['full: peak RSS', 'MB', (r) => mb(r.full?.optimised.peakRssBytes)],
  ['render 100,000 series', 'ms', (r) => r.render?.renderAndJoinMs],
];

function curveFigures(r: Results): Figure[] {
  return (r.curve?.points ?? []).flatMap((p): Figure[] => {
    const at = (x: Results) => x.curve?.points.find((q) => q.factor === p.factor);
    return [
      [`curve ${p.factor}x: exporter CPU, warm p50`, 'ms', (x) => ms(at(x)?.warm.cpuSeconds.p50)],
      [`curve ${p.factor}x: exporter CPU, cold`, 'ms', (x) => ms(at(x)?.cold.cpuSeconds)],
      [`curve ${p.factor}x: peak RSS`, 'MB', (x) => mb(at(x)?.peakRssBytes)],
    ];
  });
}

export function compareResults(now: Results, reference: unknown, tolerance = PER_REQUEST_TOLERANCE): Comparison {
  if (!isResults(reference)) return { skipped: 'no reference figures of this schema', rows: [], regressions: [] };
  const rows: ComparisonRow[] = [];
  for (const [figure, unit, pick, flagged] of [...FIGURES, ...curveFigures(now)]) {
    const a = pick(reference);
    const b = pick(now);
    if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) continue;
    const change = a === 0 ? (b === 0 ? 0 : Number.POSITIVE_INFINITY) : (b - a) / a;
    rows.push({ figure, unit, reference: a, now: b, change, regression: flagged === true && change > tolerance });
  }
  const regressions = rows
    .filter((r) => r.regression)
    .map((r) => `${r.figure}: ${fmt(r.now)} ${r.unit} against ${fmt(r.reference)} ${r.unit} (+${pct(r.change)})`);
  return { rows, regressions };
}

function isResults(v: unknown): v is Results {
  return typeof v === 'object' && v !== null && (v as { schema?: unknown }).schema === 2;
}

const ms = (s: number | undefined) => (s === undefined ? undefined : s * 1000);
const mb = (b: number | undefined) => (b === undefined ? undefined : b / 2 ** 20);
export const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3));
export const pct = (f: number) => (Number.isFinite(f) ? `${(f * 100).toFixed(0)} %` : 'new');
