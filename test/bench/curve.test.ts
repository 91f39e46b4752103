// The cost curve's arithmetic: rows per size, ratios between sizes, and whether growth is linear or better.
import { curveRows, curveSteps, curveVerdicts } from '../../src/bench/curve';
import type { Collection, CollectionSummary } from '../../src/bench/measure';
import type { CurvePoint } from '../../src/bench/results';

const s = (v: number) => ({ p50: v, p95: v });
const MB = 2 ** 20;

function point(factor: number, o: { cpu: number; requests: number; series: number; rssMb: number }): CurvePoint {
  const cold = {
    wallMs: 1000 * factor,
    cpuSeconds: 4 * o.cpu,
    requestsTotal: 8 * o.requests,
    series: { total: o.series, target: o.series },
  } as Collection;
  const warm = {
    wallMs: s(200 * factor),
    cpuSeconds: s(o.cpu),
    requestsTotal: s(o.requests),
    series: s(o.series),
  } as CollectionSummary;
  return { factor, cold, warm, peakRssBytes: (100 + o.rssMb) * MB, idleRssBytes: 100 * MB };
}

describe('cost curve', () => {
  const linear = [
    point(1, { cpu: 0.3, requests: 300, series: 50_000, rssMb: 60 }),
    point(4, { cpu: 1.2, requests: 1200, series: 200_000, rssMb: 240 }),
    point(16, { cpu: 4.6, requests: 4800, series: 800_000, rssMb: 900 }),
  ];

  it('gives cold and warm rows per size with the cost per series and per request', () => {
    const rows = curveRows([...linear].reverse());
    expect(rows.map((r) => `${r.factor}${r.mode}`)).toEqual(['1cold', '1warm', '4cold', '4warm', '16cold', '16warm']);
    const warm1 = rows[1]!;
    expect(warm1.cpuPerSeriesUs).toBeCloseTo(6, 9);
    expect(warm1.cpuPerRequestMs).toBeCloseTo(1, 9);
    expect(warm1.rssPerSeriesBytes).toBeCloseTo((60 * MB) / 50_000, 6);
  });

  it('gives the ratios between consecutive sizes', () => {
    const steps = curveSteps(curveRows(linear)).filter((x) => x.mode === 'warm');
    expect(steps.map((x) => [x.from, x.to])).toEqual([
      [1, 4],
      [4, 16],
    ]);
    expect(steps[0]!.requests).toBe(4);
    expect(steps[0]!.cpu).toBeCloseTo(4, 9);
    expect(steps[1]!.rss).toBeCloseTo(900 / 240, 9);
  });

  it('calls linear growth linear, and a rising cost per series what it is', () => {
    expect(curveVerdicts(curveRows(linear)).every((v) => v.met)).toBe(true);
    const rising = [...linear.slice(0, 2), point(16, { cpu: 9, requests: 4800, series: 800_000, rssMb: 2000 })];
    const failed = curveVerdicts(curveRows(rising)).filter((v) => !v.met);
    expect(failed.map((v) => v.target)).toEqual([
      'CPU per series, cold: 16x not above 1x',
      'CPU per series, warm: 16x not above 1x',
      'CPU per request, cold: 16x not above 1x',
      'CPU per request, warm: 16x not above 1x',
      'peak RSS per series, warm: 16x not above 1x',
    ]);
  });

  it('says nothing about growth with a single size', () => {
    expect(curveVerdicts(curveRows(linear.slice(0, 1)))).toEqual([]);
  });
});
