// The performance targets, checked against the measured figures. Pure: takes the results, returns
// one verdict per target with the limit and the measured value side by side.
import type { CollectionSummary, HaResult, Summary } from './measure';

export interface Verdict {
  target: string;
  limit: string;
  measured: string;
  met: boolean;
}

export interface TargetInput {
  products: readonly string[];
  minimal: Record<string, number>;
  largestBoundMs: number;
  warm: CollectionSummary;
  naiveWarmWallMs: number;
  peakRssBytes: number;
  renderMs: number;
  ha: HaResult;
}

const MB = 1024 * 1024;

/** CPU budget of one collection: 5 µs per series exported plus 1 ms per upstream request. */
export function cpuBudgetSeconds(series: number, requests: number): number {
  return series * 5e-6 + requests * 1e-3;
}

/** Warm requests within 1.2 × the minimal count, per product, and warm wall within 2 × the largest time bound. */
export function boundVerdicts(i: Pick<TargetInput, 'products' | 'minimal' | 'largestBoundMs' | 'warm'>): Verdict[] {
  const out: Verdict[] = [];
  for (const p of i.products) {
    const measured = i.warm.requests[p]?.p95 ?? NaN;
    const limit = 1.2 * (i.minimal[p] ?? 0);
    out.push({
      target: `warm requests ${p} <= 1.2 x minimal`,
      limit: `<= ${fmt(limit)}`,
      measured: `${measured} (p95)`,
      met: measured <= limit,
    });
  }
  const wall = i.warm.wallMs.p50;
  out.push({
    target: 'warm wall time <= 2 x largest bound',
    limit: `<= ${fmt(2 * i.largestBoundMs)} ms`,
    measured: `${fmt(wall)} ms (p50)`,
    met: wall <= 2 * i.largestBoundMs,
  });
  return out;
}

export function evaluate(i: TargetInput): Verdict[] {
  const out = boundVerdicts(i);
  const wall = i.warm.wallMs.p50;
  const speedup = i.naiveWarmWallMs / wall;
  out.push({
    target: 'warm >= 10 x faster than naive',
    limit: '>= 10 x',
    measured: `${speedup.toFixed(1)} x`,
    met: speedup >= 10,
  });
  const budget = cpuBudgetSeconds(i.warm.series.p50, i.warm.requestsTotal.p50);
  const cpu = i.warm.cpuSeconds.p50;
  out.push({
    target: 'CPU per warm collection <= 5 us/series + 1 ms/request',
    limit: `<= ${(budget * 1000).toFixed(0)} ms`,
    measured: `${(cpu * 1000).toFixed(0)} ms (p50)`,
    met: cpu <= budget,
  });
  out.push({
    target: 'peak RSS <= 300 MB',
    limit: '<= 300 MB',
    measured: `${(i.peakRssBytes / MB).toFixed(0)} MB`,
    met: i.peakRssBytes <= 300 * MB,
  });
  out.push({
    target: 'render 100,000 series <= 250 ms',
    limit: '<= 250 ms',
    measured: `${fmt(i.renderMs)} ms`,
    met: i.renderMs <= 250,
  });
  const single = i.warm.requestsTotal.p50;
  out.push({
    target: 'HA pair costs no more requests than one scrape',
    limit: `<= ${single}`,
    measured: `${i.ha.requestsTotal} (shared: ${i.ha.shared.length} targets)`,
    met: i.ha.requestsTotal <= single,
  });
  return out;
}

/** The most CPU per upstream request of a request-dominated warm collection (ms, after the series allowance). */
export const PER_REQUEST_LIMIT_MS = 0.3;

export function perRequestVerdict(ms: Summary): Verdict {
  return {
    target: 'CPU per upstream request, warm (less 5 us/series)',
    limit: `<= ${PER_REQUEST_LIMIT_MS} ms`,
    measured: `${ms.p50.toFixed(3)} ms (p50; p95 ${ms.p95.toFixed(3)})`,
    met: ms.p50 <= PER_REQUEST_LIMIT_MS,
  };
}

/** Warm collections within inventory_ttl send no request for storage, licence, coverage or component data. */
export function slowDataVerdicts(slow: Record<string, { cold: number; warmMax: number }>): Verdict[] {
  return Object.entries(slow)
    .filter(([, c]) => c.cold > 0)
    .map(([product, c]) => ({
      target: `warm requests ${product} for storage, licence, coverage, components`,
      limit: '= 0',
      measured: `${c.warmMax} (cold: ${c.cold})`,
      met: c.warmMax === 0,
    }));
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
