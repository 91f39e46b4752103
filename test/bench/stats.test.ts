import {
  countSeries,
  diffCounts,
  percentile,
  perRequestMs,
  samplesOf,
  sumBy,
  timeBoundMs,
} from '../../src/bench/stats';
import { pages } from '../../src/simulators/bench';
import { cpuBudgetSeconds } from '../../src/bench/targets';
import { projectNaiveWall } from '../../src/bench/results';
import { listeningAddress } from '../../src/bench/exporter-process';

describe('percentile (nearest rank)', () => {
  it('takes p50 and p95 of ten values', () => {
    const v = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(percentile(v, 50)).toBe(5);
    expect(percentile(v, 95)).toBe(10);
    expect(percentile(v, 0)).toBe(1);
    expect(percentile(v, 100)).toBe(10);
  });
  it('handles one value and none', () => {
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });
  it('does not reorder its input', () => {
    const v = [3, 1, 2];
    percentile(v, 50);
    expect(v).toEqual([3, 1, 2]);
  });
});

describe('time bound', () => {
  it('is the request waves when they dominate', () => {
    // ⌈1002 / 8⌉ = 126 waves of 20 ms.
    expect(timeBoundMs({ minimalRequests: 1002, criticalChain: 2, latencyMs: 20, concurrency: 8 })).toBe(2520);
  });
  it('is the critical chain when it dominates', () => {
    expect(timeBoundMs({ minimalRequests: 4, criticalChain: 3, latencyMs: 20, concurrency: 8 })).toBe(60);
  });
  it('is 0 when nothing must be fetched', () => {
    expect(timeBoundMs({ minimalRequests: 0, criticalChain: 0, latencyMs: 20, concurrency: 8 })).toBe(0);
  });
  it('counts pages, an empty list still costing one', () => {
    expect(pages(12_000, 10_000)).toBe(2);
    expect(pages(10_000, 10_000)).toBe(1);
    expect(pages(0, 1000)).toBe(1);
  });
});

describe('budgets and projections', () => {
  it('gives 5 µs per series and 1 ms per request', () => {
    expect(cpuBudgetSeconds(100_000, 1000)).toBeCloseTo(1.5, 9);
  });
  it('takes 5 µs per series out of the CPU before dividing by the requests', () => {
    // 0.43 s for 15,935 series and 309 requests: (430 - 79.675) ms / 309 = 1.134 ms.
    expect(perRequestMs(0.43, 15_935, 309)).toBeCloseTo(1.1337, 3);
    expect(perRequestMs(0.01, 100_000, 10)).toBe(0);
    expect(perRequestMs(1, 10, 0)).toBeNaN();
  });
  it('projects a naive wall time to a higher latency by the slowest target', () => {
    expect(projectNaiveWall(10_000, { a: 100, b: 7000 }, 5, 20)).toBe(10_000 + 7000 * 15);
  });
});

describe('reading an exposition', () => {
  const text = [
    '# HELP backup_exporter_upstream_requests_total Requests.',
    '# TYPE backup_exporter_upstream_requests_total counter',
    'backup_exporter_upstream_requests_total{target="a",product="ahsay",code="200"} 10',
    'backup_exporter_upstream_requests_total{target="a",product="ahsay",code="timeout"} 2',
    'backup_exporter_upstream_requests_total{target="b",product="veeam_m365",code="200"} 5',
    'backup_job_status{target="a",product="ahsay",job_name="x \\"quoted\\"",status="none"} 1',
    'backup_target_up{target="a",product="ahsay"} 1',
    'process_cpu_seconds_total 1.5',
    '',
  ].join('\n');
  it('sums a counter by a label', () => {
    expect(sumBy(text, 'backup_exporter_upstream_requests_total', 'product')).toEqual({ ahsay: 12, veeam_m365: 5 });
  });
  it('parses escaped label values', () => {
    expect(samplesOf(text, 'backup_job_status')[0]!.labels.job_name).toBe('x \\"quoted\\"');
  });
  it('counts all series and the target ones', () => {
    expect(countSeries(text)).toEqual({ total: 6, target: 2 });
  });
  it('diffs counts with missing keys as 0', () => {
    expect(diffCounts({ a: 5, b: 2 }, { a: 3, c: 1 })).toEqual({ a: 2, b: 2, c: -1 });
  });
  it('finds the listening address in a JSON log line only', () => {
    expect(listeningAddress('{"level":30,"address":"127.0.0.1:4321","msg":"listening"}')).toBe('127.0.0.1:4321');
    expect(listeningAddress('{"level":30,"msg":"not listening yet"}')).toBeUndefined();
    expect(listeningAddress('listening on nothing')).toBeUndefined();
  });
});
