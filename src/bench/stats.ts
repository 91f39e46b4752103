// Pure arithmetic of the benchmark: percentiles, the time bound of a scenario, and reading counters out of an
// exposition. Kept free of I/O so it can be unit-tested.

/** Nearest-rank percentile (p in 0..100) of the values; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

export interface BoundInput {
  /** Upstream requests a correct collection cannot avoid. */
  minimalRequests: number;
  /** Longest chain of requests that depend on each other's answers. */
  criticalChain: number;
  latencyMs: number;
  concurrency: number;
}

/** max(critical chain × latency, ⌈minimal requests ÷ concurrency⌉ × latency), in milliseconds. */
export function timeBoundMs(b: BoundInput): number {
  const waves = Math.ceil(b.minimalRequests / Math.max(1, b.concurrency));
  return Math.max(b.criticalChain * b.latencyMs, waves * b.latencyMs);
}

/** The CPU a warm collection may spend per series exported (the performance budget), seconds. */
export const SERIES_ALLOWANCE_S = 5e-6;

/**
 * Exporter CPU per upstream request, in milliseconds, once `SERIES_ALLOWANCE_S` per series is taken out: what
 * a request costs the exporter beyond the series it yields. NaN without requests.
 */
export function perRequestMs(cpuSeconds: number, series: number, requests: number): number {
  if (requests <= 0) return NaN;
  return (Math.max(0, cpuSeconds - series * SERIES_ALLOWANCE_S) / requests) * 1000;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Samples of one metric name in a text exposition (comments skipped). */
export function samplesOf(text: string, name: string): ParsedSample[] {
  const out: ParsedSample[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(`\n${name}`, from);
    if (at < 0) break;
    const end = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, end < 0 ? undefined : end);
    from = at + 1;
    const m = SAMPLE.exec(line);
    if (!m || m[1] !== name) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(LABEL)) labels[l[1]!] = l[2]!;
    out.push({ name, labels, value: Number(m[3]) });
  }
  return out;
}

/** Sum of a counter's samples grouped by one label (e.g. upstream requests by `target`). */
export function sumBy(text: string, name: string, label: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samplesOf(text, name)) {
    const key = s.labels[label] ?? '';
    out[key] = (out[key] ?? 0) + s.value;
  }
  return out;
}

export interface SeriesCount {
  total: number;
  target: number;
}

/** Series in an exposition: every sample line, and those of target families (not the exporter's own). */
export function countSeries(text: string): SeriesCount {
  let total = 0;
  let target = 0;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    total++;
    if (line.startsWith('backup_') && !line.startsWith('backup_exporter_')) target++;
  }
  return { total, target };
}

/** Element-wise difference of two per-key counts (missing keys count as 0). */
export function diffCounts(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of new Set([...Object.keys(after), ...Object.keys(before)])) out[k] = (after[k] ?? 0) - (before[k] ?? 0);
  return out;
}

export function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
