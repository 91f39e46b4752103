// The human-readable end of `npm run bench`: the tables of each scenario that ran.
import type { Collection, CollectionSummary } from './measure';
import type { FullResult, ProductBound, Results } from './results';
import { cpuMs, kb, mb, shortName, table, verdictTable, wall } from './table-format';
import { formatCurve, formatRequests } from './table-scenarios';

function columns(c: Collection, products: readonly string[]): string[] {
  return [
    wall(c.wallMs),
    ...products.map((p) => String(c.requests[p] ?? 0)),
    String(c.requestsTotal),
    cpuMs(c.cpuSeconds),
    String(c.series.total),
    kb(c.plainBytes),
    kb(c.gzipBytes),
    mb(c.rssBytes),
    mb(c.heapUsedBytes),
  ];
}

function summaryColumns(s: CollectionSummary, q: 'p50' | 'p95', products: readonly string[]): string[] {
  return [
    wall(s.wallMs[q]),
    ...products.map((p) => String(s.requests[p]?.[q] ?? 0)),
    String(s.requestsTotal[q]),
    cpuMs(s.cpuSeconds[q]),
    String(s.series[q]),
    kb(s.plainBytes[q]),
    kb(s.gzipBytes[q]),
    mb(s.rssBytes[q]),
    mb(s.heapUsedBytes[q]),
  ];
}

export function collectionHead(bounds: Record<string, ProductBound>): string[] {
  const names = Object.values(bounds).map((b) => shortName(b.target));
  return ['collection', 'wall', ...names, 'requests', 'cpu', 'series', '/metrics', 'gzip', 'rss after', 'heap used'];
}

export function collectionRows(
  label: string,
  m: { cold: Collection; warm: CollectionSummary; warmRuns: unknown[] },
  products: readonly string[],
) {
  const n = m.warmRuns.length;
  return [
    [`${label} cold`, ...columns(m.cold, products)],
    [`${label} warm p50 (${n})`, ...summaryColumns(m.warm, 'p50', products)],
    [`${label} warm p95 (${n})`, ...summaryColumns(m.warm, 'p95', products)],
  ];
}

export function boundsTable(bounds: Record<string, ProductBound>, latencyMs: number): string {
  return table(
    ['target', 'estate', 'minimal warm requests', 'critical chain', `time bound @${latencyMs} ms`],
    Object.values(bounds).map((b) => [
      b.target,
      b.estate,
      String(b.minimalRequests),
      String(b.criticalChain),
      `${b.timeBoundMs} ms`,
    ]),
  );
}

function formatFull(r: FullResult, latencyMs: number, render: Results['render']): string {
  const products = Object.keys(r.bounds);
  const o = r.optimised;
  const n = r.naive;
  const rows = [
    ...collectionRows('optimised', o, products),
    ...collectionRows(`naive @${n.latencyMs} ms`, n, products),
  ];
  const slow = table(
    ['storage, licence, coverage, components', 'cold requests', 'warm requests (most)'],
    Object.entries(r.slowData)
      .filter(([, c]) => c.cold > 0 || c.warmMax > 0)
      .map(([p, c]) => [shortName(r.bounds[p]?.target ?? p), String(c.cold), String(c.warmMax)]),
  );
  return [
    `== full estate (x${r.factor}) at ${latencyMs} ms per upstream request; peak RSS optimised ${mb(o.peakRssBytes)}, naive ${mb(n.peakRssBytes)}`,
    table(collectionHead(r.bounds), rows),
    `Naive mode: inventory_ttl 0s, immutable cache 0 entries, concurrency 1; warm wall estimated at ${latencyMs} ms: ${wall(n.estimatedWarmWallMs)}`,
    `Upstream requests counted at the simulators equal the exporter's own counter in ${r.crossCheck.matching} of ${r.crossCheck.collections} collections`,
    `HA pair: ${r.ha.requestsTotal} requests for two concurrent scrapes (collection shared by both for: ${r.ha.shared.join(', ') || 'none'})`,
    boundsTable(r.bounds, latencyMs),
    slow,
    table(
      ['naive / optimised', 'value'],
      Object.entries(r.ratios).map(([k, v]) => [k, `${v.toFixed(1)} x`]),
    ),
    render
      ? table(
          ['rendering', `${render.series} series`],
          [
            ['renderTarget + joinChunks (fresh)', `${render.renderAndJoinMs.toFixed(0)} ms`],
            ['joinChunks (reused collections)', `${render.joinOnlyMs.toFixed(0)} ms`],
            ['prom-client registry.metrics()', `${render.promClientMs.toFixed(0)} ms`],
          ],
        )
      : '',
    verdictTable(r.verdicts),
  ].join('\n\n');
}

export function formatResults(r: Results): string {
  const m = r.machine;
  const head = `Machine: ${m.cpus} x ${m.cpuModel}, Node ${m.node}, load average ${m.loadavg.start.map((l) => l.toFixed(2)).join(' ')} at start`;
  const parts = [head];
  if (r.full) parts.push(formatFull(r.full, r.parameters.latencyMs, r.render));
  if (r.requests) parts.push(formatRequests(r.requests, r.parameters.latencyMs));
  if (r.curve) parts.push(formatCurve(r.curve));
  return parts.join('\n\n');
}
