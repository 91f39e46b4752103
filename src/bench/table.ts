// The human-readable end of `npm run bench`: fixed-width tables of the results.
import type { Results } from './results';
import { PRODUCTS } from './estate';
import { fmtMs, type Collection, type CollectionSummary } from './measure';

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => rows.reduce((m, r) => Math.max(m, (r[i] ?? '').length), h.length));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const kb = (b: number): string => (Number.isNaN(b) ? '-' : `${(b / 1024).toFixed(0)} KiB`);
const mb = (b: number): string => (Number.isNaN(b) ? '-' : `${(b / 2 ** 20).toFixed(0)} MB`);
const ms = (s: number): string => `${(s * 1000).toFixed(0)} ms`;

function columns(c: Collection): string[] {
  return [
    fmtMs(c.wallMs),
    ...PRODUCTS.map((p) => String(c.requests[p])),
    String(c.requestsTotal),
    ms(c.cpuSeconds),
    String(c.series.total),
    kb(c.plainBytes),
    kb(c.gzipBytes),
    mb(c.rssBytes),
    mb(c.heapUsedBytes),
  ];
}

function summaryColumns(s: CollectionSummary, q: 'p50' | 'p95'): string[] {
  return [
    fmtMs(s.wallMs[q]),
    ...PRODUCTS.map((p) => String(s.requests[p][q])),
    String(s.requestsTotal[q]),
    ms(s.cpuSeconds[q]),
    String(s.series[q]),
    kb(s.plainBytes[q]),
    kb(s.gzipBytes[q]),
    mb(s.rssBytes[q]),
    mb(s.heapUsedBytes[q]),
  ];
}

export function formatResults(r: Results): string {
  const head = [
    'collection',
    'wall',
    'm365',
    'azure',
    'ahsay',
    'clouddc',
    'requests',
    'cpu',
    'series',
    '/metrics',
    'gzip',
    'rss after',
    'heap used',
  ];
  const o = r.optimised;
  const n = r.naive;
  const rows = [
    ['optimised cold', ...columns(o.cold)],
    [`optimised warm p50 (${o.warmRuns.length})`, ...summaryColumns(o.warm, 'p50')],
    [`optimised warm p95 (${o.warmRuns.length})`, ...summaryColumns(o.warm, 'p95')],
    [`naive cold @${n.latencyMs} ms`, ...columns(n.cold)],
    [`naive warm p50 (${n.warmRuns.length}) @${n.latencyMs} ms`, ...summaryColumns(n.warm, 'p50')],
    [`naive warm p95 (${n.warmRuns.length}) @${n.latencyMs} ms`, ...summaryColumns(n.warm, 'p95')],
  ];
  const bounds = table(
    ['target', 'minimal warm requests', 'critical chain', `time bound @${r.parameters.latencyMs} ms`],
    PRODUCTS.map((p) => [
      r.bounds[p].target,
      String(r.bounds[p].minimalRequests),
      String(r.bounds[p].criticalChain),
      `${r.bounds[p].timeBoundMs} ms`,
    ]),
  );
  const ratios = table(
    ['naive / optimised', 'value'],
    Object.entries(r.ratios).map(([k, v]) => [k, `${v.toFixed(1)} x`]),
  );
  const verdicts = table(
    ['target', 'limit', 'measured', 'met'],
    r.verdicts.map((v) => [v.target, v.limit, v.measured, v.met ? 'yes' : 'NO']),
  );
  const render = table(
    ['rendering', `${r.render.series} series`],
    [
      ['renderTarget + joinChunks (fresh)', `${r.render.renderAndJoinMs.toFixed(0)} ms`],
      ['joinChunks (reused collections)', `${r.render.joinOnlyMs.toFixed(0)} ms`],
      ['prom-client registry.metrics()', `${r.render.promClientMs.toFixed(0)} ms`],
    ],
  );
  return [
    `Estate at ${r.parameters.latencyMs} ms per upstream request; peak RSS optimised ${(o.peakRssBytes / 2 ** 20).toFixed(0)} MB, naive ${(n.peakRssBytes / 2 ** 20).toFixed(0)} MB`,
    '',
    table(head, rows),
    '',
    `Naive mode: inventory_ttl 0s, immutable cache 0 entries, concurrency 1, timeout 10m; ${n.latencyMs} ms latency` +
      (n.latencyMs !== r.parameters.latencyMs
        ? `; warm wall estimated at ${r.parameters.latencyMs} ms: ${fmtMs(n.estimatedWarmWallMs)}`
        : ''),
    `Upstream requests counted at the simulators equal the exporter's own counter in ${r.crossCheck.matching} of ${r.crossCheck.collections} collections`,
    `HA pair: ${r.ha.requestsTotal} requests for two concurrent scrapes (collection shared by both for: ${r.ha.shared.join(', ') || 'none'})`,
    '',
    bounds,
    '',
    ratios,
    '',
    render,
    '',
    verdicts,
  ].join('\n');
}
