// Tables of the request-dominated scenario (with its per-request figure) and of the cost curve.
import { curveRows, curveSteps } from './curve';
import type { CurveResult, RequestsResult } from './results';
import { SERIES_ALLOWANCE_S } from './stats';
import { boundsTable, collectionHead, collectionRows } from './table';
import { cpuMs, mb, table, verdictTable, wall } from './table-format';

export function formatRequests(r: RequestsResult, latencyMs: number): string {
  const products = Object.keys(r.bounds);
  const w = r.run.warm;
  const allowance = w.series.p50 * SERIES_ALLOWANCE_S;
  return [
    `== request-dominated estate (x${r.factor}) at ${latencyMs} ms per upstream request, concurrency 8; peak RSS ${mb(r.run.peakRssBytes)}`,
    table(collectionHead(r.bounds), collectionRows('optimised', r.run, products)),
    boundsTable(r.bounds, latencyMs),
    `CPU per upstream request (warm p50): (${cpuMs(w.cpuSeconds.p50)} - ${r.perRequest.seriesAllowanceUs} us x ${w.series.p50} series = ` +
      `${cpuMs(allowance)}) / ${w.requestsTotal.p50} requests = ${r.perRequest.ms.p50.toFixed(3)} ms (p95 ${r.perRequest.ms.p95.toFixed(3)} ms)`,
    verdictTable(r.verdicts),
  ].join('\n\n');
}

export function formatCurve(c: CurveResult): string {
  const rows = curveRows(c.points);
  const sizes = table(
    [
      'size',
      'collection',
      'wall',
      'cpu',
      'peak RSS - idle',
      'requests',
      'series',
      'cpu/series',
      'cpu/request',
      'RSS/series',
    ],
    rows.map((r) => [
      `${r.factor}x`,
      r.mode === 'warm' ? 'warm p50' : 'cold',
      wall(r.wallMs),
      cpuMs(r.cpuSeconds),
      mb(r.rssBytes),
      String(r.requests),
      String(r.series),
      `${r.cpuPerSeriesUs.toFixed(1)} us`,
      `${r.cpuPerRequestMs.toFixed(2)} ms`,
      `${(r.rssPerSeriesBytes / 1024).toFixed(2)} KiB`,
    ]),
  );
  const x = (v: number) => `${v.toFixed(2)} x`;
  const steps = table(
    ['ratio', 'collection', 'requests', 'series', 'cpu', 'wall', 'peak RSS - idle'],
    curveSteps(rows).map((s) => [
      `${s.to}x / ${s.from}x`,
      s.mode,
      x(s.requests),
      x(s.series),
      x(s.cpu),
      x(s.wall),
      s.mode === 'warm' ? x(s.rss) : '',
    ]),
  );
  return [
    `== cost curve: the ${c.scenario === 'requests' ? 'request-dominated' : c.scenario} estate at ${c.points.map((p) => `${p.factor}x`).join(', ')}`,
    sizes,
    steps,
    verdictTable(c.verdicts),
  ].join('\n\n');
}
