// Measuring collections from outside: one `/metrics` scrape = one collection (min_interval 0s). Upstream
// requests are counted at the simulators and cross-checked with the exporter's own counter.
import type { Estate } from './estate';
import { cpuSeconds, memory, scrape, type ExporterProcess } from './exporter-process';
import { countSeries, diffCounts, percentile, samplesOf, sum, sumBy, type SeriesCount } from './stats';

export interface Collection {
  wallMs: number;
  /** Requests the simulators served during the scrape, per product. */
  requests: Record<string, number>;
  /** Of these, requests for slowly changing data (storage, licence, coverage, components), per product. */
  slowData: Record<string, number>;
  requestsTotal: number;
  /** The same from `backup_exporter_upstream_requests_total` deltas, per product. */
  selfReported: Record<string, number>;
  cpuSeconds: number;
  series: SeriesCount;
  plainBytes: number;
  gzipBytes: number;
  /** Targets whose `backup_target_up` was not 1. */
  down: string[];
  /** Resident memory right after the scrape, and the V8 heap in use as the exporter reported it. */
  rssBytes: number;
  heapUsedBytes: number;
}

export interface Observer {
  exporter: ExporterProcess;
  estate: Estate;
  /** Counter values seen in the previous exposition. */
  lastSelf: Record<string, number>;
}

export function observer(exporter: ExporterProcess, estate: Estate): Observer {
  return { exporter, estate, lastSelf: {} };
}

/** One scrape, measured: wall time, CPU of the exporter process, requests per product, sizes. */
export async function measureScrape(o: Observer): Promise<Collection> {
  const before = o.estate.requestCounts();
  const slowBefore = o.estate.slowDataCounts();
  const cpu0 = cpuSeconds(o.exporter.pid);
  const s = await scrape(`${o.exporter.url}/metrics`);
  const cpu1 = cpuSeconds(o.exporter.pid);
  if (s.status !== 200) throw new Error(`/metrics answered ${s.status}: ${s.text.slice(0, 500)}`);
  const requests = diffCounts(o.estate.requestCounts(), before);
  const self = sumBy(s.text, 'backup_exporter_upstream_requests_total', 'product');
  const selfReported = diffCounts(self, o.lastSelf);
  o.lastSelf = self;
  const down = Object.entries(sumBy(s.text, 'backup_target_up', 'target'))
    .filter(([, v]) => v !== 1)
    .map(([t]) => t);
  return {
    wallMs: s.wallMs,
    requests,
    slowData: diffCounts(o.estate.slowDataCounts(), slowBefore),
    requestsTotal: sum(Object.values(requests)),
    selfReported,
    cpuSeconds: cpu1 - cpu0,
    series: countSeries(s.text),
    plainBytes: Buffer.byteLength(s.text),
    gzipBytes: s.gzipped ? s.wireBytes : NaN,
    down,
    rssBytes: memory(o.exporter.pid).rss,
    heapUsedBytes: samplesOf(s.text, 'nodejs_heap_size_used_bytes')[0]?.value ?? NaN,
  };
}

export interface ModeRun {
  cold: Collection;
  warm: Collection[];
  peakRssBytes: number;
  /** Resident memory of the started exporter before its first scrape. */
  idleRssBytes: number;
}

/** The cold collection, `settle` warm ones not measured (the JIT still compiling), then `warmCount` measured. */
export async function runCollections(
  o: Observer,
  warmCount: number,
  log: (msg: string) => void,
  settle = 0,
): Promise<ModeRun> {
  const idleRssBytes = memory(o.exporter.pid).rss;
  const cold = await measureScrape(o);
  for (let i = 0; i < settle; i++) await measureScrape(o);
  if (settle > 0) log(`  ${settle} warm collections to settle, not measured`);
  log(
    `  cold: ${fmtMs(cold.wallMs)}, ${cold.requestsTotal} requests, ${mb(cold.rssBytes)} RSS${cold.down.length ? `, DOWN: ${cold.down.join(',')}` : ''}`,
  );
  const warm: Collection[] = [];
  for (let i = 0; i < warmCount; i++) {
    const c = await measureScrape(o);
    warm.push(c);
    log(
      `  warm ${i + 1}/${warmCount}: ${fmtMs(c.wallMs)}, ${c.requestsTotal} requests, ${mb(c.rssBytes)} RSS${c.down.length ? `, DOWN: ${c.down.join(',')}` : ''}`,
    );
  }
  return { cold, warm, peakRssBytes: memory(o.exporter.pid).peakRss, idleRssBytes };
}

export interface HaResult {
  /** Requests of the two concurrent scrapes together, per product. */
  requests: Record<string, number>;
  requestsTotal: number;
  wallMs: number[];
  /** Targets whose collection both answers shared (same end timestamp); a target without upstream work may
   * finish before the second scrape arrives and be collected twice at no upstream cost. */
  shared: string[];
}

/** Two concurrent scrapes, as an HA Prometheus pair sends them: they should join one collection. */
export async function haPair(o: Observer): Promise<HaResult> {
  const before = o.estate.requestCounts();
  const [a, b] = await Promise.all([scrape(`${o.exporter.url}/metrics`), scrape(`${o.exporter.url}/metrics`)]);
  const requests = diffCounts(o.estate.requestCounts(), before);
  const stamp = (t: string): Record<string, number> =>
    sumBy(t, 'backup_target_last_collect_timestamp_seconds', 'target');
  const sa = stamp(a.text);
  const sb = stamp(b.text);
  o.lastSelf = sumBy(b.text, 'backup_exporter_upstream_requests_total', 'product');
  return {
    requests,
    requestsTotal: sum(Object.values(requests)),
    wallMs: [a.wallMs, b.wallMs],
    shared: Object.keys(sa).filter((t) => sa[t] === sb[t]),
  };
}

export interface Summary {
  p50: number;
  p95: number;
}
export type CollectionSummary = {
  wallMs: Summary;
  requestsTotal: Summary;
  cpuSeconds: Summary;
  series: Summary;
  targetSeries: Summary;
  plainBytes: Summary;
  gzipBytes: Summary;
  rssBytes: Summary;
  heapUsedBytes: Summary;
  requests: Record<string, Summary>;
};

const summary = (values: number[]): Summary => ({ p50: percentile(values, 50), p95: percentile(values, 95) });

export function summarise(cs: readonly Collection[], products: readonly string[]): CollectionSummary {
  const of = (f: (c: Collection) => number): Summary => summary(cs.map(f));
  return {
    wallMs: of((c) => c.wallMs),
    requestsTotal: of((c) => c.requestsTotal),
    cpuSeconds: of((c) => c.cpuSeconds),
    series: of((c) => c.series.total),
    targetSeries: of((c) => c.series.target),
    plainBytes: of((c) => c.plainBytes),
    gzipBytes: of((c) => c.gzipBytes),
    rssBytes: of((c) => c.rssBytes),
    heapUsedBytes: of((c) => c.heapUsedBytes),
    requests: Object.fromEntries(products.map((p) => [p, of((c) => c.requests[p] ?? 0)])),
  };
}

export function fmtMs(ms: number): string {
  return ms >= 10_000
    ? `${(ms / 1000).toFixed(1)} s`
    : ms >= 1000
      ? `${(ms / 1000).toFixed(2)} s`
      : `${ms.toFixed(0)} ms`;
}

const mb = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MB`;
