// The cost curve: one estate at several sizes, cold and warm. Pure arithmetic on the measured points: what a
// collection costs per series and per request at each size, the ratios between sizes, and whether the cost
// grows linearly or better (CPU and memory per series not rising with size).
import type { Collection } from './measure';
import type { CurvePoint } from './results';
import type { Verdict } from './targets';

/** How much a per-series or per-request cost may rise from the smallest size to the largest (measurement noise). */
export const CURVE_TOLERANCE = 0.25;

export interface CurveRow {
  factor: number;
  mode: 'cold' | 'warm';
  wallMs: number;
  cpuSeconds: number;
  requests: number;
  series: number;
  /** Peak RSS less the idle RSS of the started exporter (the size's own memory), bytes. */
  rssBytes: number;
  cpuPerSeriesUs: number;
  cpuPerRequestMs: number;
  rssPerSeriesBytes: number;
}

function row(
  factor: number,
  mode: 'cold' | 'warm',
  c: Pick<Collection, 'wallMs' | 'cpuSeconds' | 'requestsTotal'>,
  series: number,
  rssBytes: number,
): CurveRow {
  return {
    factor,
    mode,
    wallMs: c.wallMs,
    cpuSeconds: c.cpuSeconds,
    requests: c.requestsTotal,
    series,
    rssBytes,
    cpuPerSeriesUs: (c.cpuSeconds / series) * 1e6,
    cpuPerRequestMs: (c.cpuSeconds / Math.max(1, c.requestsTotal)) * 1000,
    rssPerSeriesBytes: rssBytes / series,
  };
}

/** Cold and warm (p50) rows of every size, smallest size first. */
export function curveRows(points: readonly CurvePoint[]): CurveRow[] {
  const sorted = [...points].sort((a, b) => a.factor - b.factor);
  return sorted.flatMap((p) => {
    const rss = Math.max(0, p.peakRssBytes - p.idleRssBytes);
    const w = p.warm;
    const warm = { wallMs: w.wallMs.p50, cpuSeconds: w.cpuSeconds.p50, requestsTotal: w.requestsTotal.p50 };
    return [row(p.factor, 'cold', p.cold, p.cold.series.total, rss), row(p.factor, 'warm', warm, w.series.p50, rss)];
  });
}

export interface CurveStep {
  mode: 'cold' | 'warm';
  from: number;
  to: number;
  /** to ÷ from of each figure. */
  requests: number;
  series: number;
  cpu: number;
  wall: number;
  rss: number;
}

/** Ratios between consecutive sizes, cold and warm. */
export function curveSteps(rows: readonly CurveRow[]): CurveStep[] {
  const out: CurveStep[] = [];
  for (const mode of ['cold', 'warm'] as const) {
    const of = rows.filter((r) => r.mode === mode);
    for (let i = 1; i < of.length; i++) {
      const a = of[i - 1]!;
      const b = of[i]!;
      out.push({
        mode,
        from: a.factor,
        to: b.factor,
        requests: b.requests / a.requests,
        series: b.series / a.series,
        cpu: b.cpuSeconds / a.cpuSeconds,
        wall: b.wallMs / a.wallMs,
        rss: b.rssBytes / a.rssBytes,
      });
    }
  }
  return out;
}

/** Linear or better: from the smallest size to the largest, CPU and RSS per series and CPU per request do not rise. */
export function curveVerdicts(rows: readonly CurveRow[], tolerance = CURVE_TOLERANCE): Verdict[] {
  const out: Verdict[] = [];
  const measures: Array<[string, (r: CurveRow) => number, (v: number) => string, ReadonlyArray<'cold' | 'warm'>]> = [
    ['CPU per series', (r) => r.cpuPerSeriesUs, (v) => `${v.toFixed(1)} us`, ['cold', 'warm']],
    ['CPU per request', (r) => r.cpuPerRequestMs, (v) => `${v.toFixed(2)} ms`, ['cold', 'warm']],
    ['peak RSS per series', (r) => r.rssPerSeriesBytes, (v) => `${(v / 1024).toFixed(2)} KiB`, ['warm']],
  ];
  for (const [what, value, show, modes] of measures) {
    for (const mode of modes) {
      const of = rows.filter((r) => r.mode === mode);
      const first = of[0];
      const last = of[of.length - 1];
      if (!first || !last || first === last) continue;
      const a = value(first);
      const b = value(last);
      out.push({
        target: `${what}, ${mode}: ${last.factor}x not above ${first.factor}x`,
        limit: `<= ${show(a * (1 + tolerance))} (+${(tolerance * 100).toFixed(0)} %)`,
        measured: `${show(b)} (${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)} %)`,
        met: b <= a * (1 + tolerance),
      });
    }
  }
  return out;
}
