// The flags of `npm run bench` (see bench/README.md).
import path from 'node:path';

export const SCENARIOS = ['full', 'requests', 'curve'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface Args {
  scenarios: ScenarioName[];
  /** Scale factor of the full scenario's estate. */
  scale: number;
  /** Scale factor of the request-dominated scenario's estate. */
  requestsScale: number;
  /** Sizes of the cost curve (factors of the request-dominated estate). */
  curve: number[];
  latencyMs: number;
  naiveLatencyMs: number;
  warm: number;
  naiveWarm: number;
  requestsWarm: number;
  curveWarm: number;
  /** Warm collections of the request-dominated estate (and the curve) run before the measured ones. */
  settle: number;
  nodeFlags: string[];
  cpuProf: boolean;
  /** Where this run's figures go. */
  out: string;
  /** The reference figures compared with (bench/results.json). */
  reference: string;
  /** The program measured, when not this build's dist/main.js. */
  exporter?: string;
}

export function parseArgs(argv: readonly string[], root: string): Args {
  const get = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string, dflt: number): number => {
    const v = Number(get(name) ?? dflt);
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a number >= 0`);
    return v;
  };
  const list = (name: string, dflt: string): string[] => (get(name) ?? dflt).split(',').filter((s) => s !== '');
  const scenarios = list('scenarios', SCENARIOS.join(','));
  const unknown = scenarios.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new Error(`--scenarios: unknown ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
  const curve = list('curve', '1,4,16').map(Number);
  if (curve.some((f) => !(f > 0))) throw new Error('--curve must list scale factors > 0, e.g. 1,4,16');
  const exporter = get('exporter');
  return {
    scenarios: scenarios as ScenarioName[],
    scale: num('scale', 1),
    requestsScale: num('requests-scale', 1),
    curve: [...new Set(curve)].sort((a, b) => a - b),
    latencyMs: num('latency-ms', 20),
    naiveLatencyMs: num('naive-latency-ms', 5),
    warm: Math.max(1, num('warm', 10)),
    naiveWarm: Math.max(1, num('naive-warm', 3)),
    requestsWarm: Math.max(1, num('requests-warm', 10)),
    curveWarm: Math.max(1, num('curve-warm', 3)),
    settle: num('settle', 5),
    nodeFlags: argv.filter((a) => a.startsWith('--node-flag=')).map((a) => a.slice('--node-flag='.length)),
    cpuProf: argv.includes('--cpu-prof'),
    out: path.resolve(get('out') ?? path.join(root, 'bench', 'last-run.json')),
    reference: path.resolve(get('reference') ?? path.join(root, 'bench', 'results.json')),
    ...(exporter ? { exporter: path.resolve(exporter) } : {}),
  };
}
