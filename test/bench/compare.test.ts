// A run against the committed reference figures: differences, and the per-request figure flagged past the tolerance.
import { compareResults, PER_REQUEST_TOLERANCE } from '../../src/bench/compare';
import type { Results } from '../../src/bench/results';

const s = (v: number) => ({ p50: v, p95: v });

function results(perRequestMs: number, cpu = 0.35, extra: Partial<Results> = {}): Results {
  return {
    schema: 2,
    startedAt: '',
    durationSeconds: 1,
    machine: { node: 'v20', cpus: 2, cpuModel: 'x', loadavg: { start: [0, 0, 0], end: [0, 0, 0] } },
    parameters: {
      latencyMs: 20,
      naiveLatencyMs: 5,
      warmRuns: 10,
      naiveWarmRuns: 3,
      concurrency: 8,
      lookback: '7d',
      scenarios: ['requests'],
    },
    requests: {
      factor: 1,
      bounds: {},
      run: {
        latencyMs: 20,
        cold: {} as never,
        warm: { cpuSeconds: s(cpu), wallMs: s(1200), requestsTotal: s(363), series: s(48_000) } as never,
        warmRuns: [],
        peakRssBytes: 0,
        idleRssBytes: 0,
      },
      perRequest: { ms: s(perRequestMs), seriesAllowanceUs: 5 },
      verdicts: [],
    },
    ...extra,
  };
}

describe('comparison with the reference figures', () => {
  it('lists each figure present in both with its change, and no regression inside the tolerance', () => {
    const c = compareResults(results(0.25 * (1 + PER_REQUEST_TOLERANCE) - 0.001), results(0.25));
    const row = c.rows.find((r) => r.figure.startsWith('requests: CPU per upstream request'))!;
    expect(row.reference).toBe(0.25);
    expect(row.change).toBeCloseTo(PER_REQUEST_TOLERANCE - 0.004, 3);
    expect(row.regression).toBe(false);
    expect(c.rows.find((r) => r.figure === 'requests: exporter CPU, warm p50')!.now).toBeCloseTo(350, 9);
    expect(c.rows.some((r) => r.figure.startsWith('full:'))).toBe(false);
    expect(c.regressions).toEqual([]);
  });

  it('flags a per-request figure beyond the tolerance, and only that figure', () => {
    const c = compareResults(results(0.4, 0.7), results(0.25, 0.35));
    expect(c.rows.filter((r) => r.regression).map((r) => r.figure)).toEqual([
      'requests: CPU per upstream request, warm p50',
    ]);
    expect(c.regressions).toEqual(['requests: CPU per upstream request, warm p50: 0.400 ms against 0.250 ms (+60 %)']);
  });

  it('compares nothing with a missing or older reference', () => {
    expect(compareResults(results(0.2), undefined).skipped).toBeDefined();
    expect(compareResults(results(0.2), { schema: 1 }).skipped).toBeDefined();
  });

  it('compares the curve size by size', () => {
    const curve = (cpu: number): Results['curve'] => ({
      scenario: 'requests',
      points: [
        {
          factor: 4,
          cold: { cpuSeconds: 2 } as never,
          warm: { cpuSeconds: s(cpu) } as never,
          peakRssBytes: 0,
          idleRssBytes: 0,
        },
      ],
      verdicts: [],
    });
    const c = compareResults(results(0.2, 0.3, { curve: curve(1.5) }), results(0.2, 0.3, { curve: curve(1) }));
    expect(c.rows.find((r) => r.figure === 'curve 4x: exporter CPU, warm p50')!.change).toBeCloseTo(0.5, 9);
  });
});
