// `npm run bench`: the exporter as its own process against the four simulators at scale, measured from
// outside, optimised and naive, with the scenario's lower bounds and the issue's targets. Prints tables and
// writes bench/results.json. Flags: --latency-ms=20 --naive-latency-ms=5 --warm=10 --naive-warm=3
// --scale=1 (a fraction shrinks the estate for a quick try) --out=bench/results.json --cpu-prof (profiles of the
// optimised exporter into $TMPDIR/backup-exporter-profiles/) --node-flag=--max-old-space-size=256 (repeatable; for the exporter).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ahsayBound, azureBound, boundTimeMs, huaweiBound, m365Bound, type LowerBound } from './bounds';
import {
  ISSUE_SCALE,
  PRODUCTS,
  TARGETS,
  scaled,
  startEstate,
  writeConfig,
  type Estate,
  type EstateScale,
  type Mode,
  type Product,
} from './estate';
import { startExporterProcess } from './exporter-process';
import { fmtMs, haPair, observer, runCollections, summarise } from './measure';
import { renderBenchmark } from './render-bench';
import { countsMatch, projectNaiveWall, type ModeResult, type Results } from './results';
import { formatResults } from './table';
import { evaluate } from './targets';

const ROOT = path.join(__dirname, '..', '..');
const CONCURRENCY = 8;
const LOOKBACK_MS = 7 * 86_400_000;

interface Args {
  nodeFlags: string[];
  scale: EstateScale;
  latencyMs: number;
  naiveLatencyMs: number;
  warm: number;
  naiveWarm: number;
  out: string;
  cpuProf: boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  const get = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string, dflt: number): number => {
    const v = Number(get(name) ?? dflt);
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a number >= 0`);
    return v;
  };
  return {
    nodeFlags: argv.filter((a) => a.startsWith('--node-flag=')).map((a) => a.slice('--node-flag='.length)),
    scale: scaled(ISSUE_SCALE, num('scale', 1)),
    latencyMs: num('latency-ms', 20),
    naiveLatencyMs: num('naive-latency-ms', 5),
    warm: Math.max(1, num('warm', 10)),
    naiveWarm: Math.max(1, num('naive-warm', 3)),
    out: path.resolve(get('out') ?? path.join(ROOT, 'bench', 'results.json')),
    cpuProf: argv.includes('--cpu-prof'),
  };
}

const log = (msg: string): void => {
  process.stderr.write(`${msg}\n`);
};

function lowerBounds(estate: Estate, scale: EstateScale, latencyMs: number): Results['bounds'] {
  const c = { nowMs: Date.now(), lookbackMs: LOOKBACK_MS };
  const raw: Record<Product, LowerBound> = {
    veeam_m365: m365Bound(estate.m365.data, c),
    veeam_azure: azureBound(estate.azure.data, c, scale.azurePageMax),
    ahsay: ahsayBound(estate.ahsay.users, estate.ahsay.timezone, c),
    huawei_clouddc: huaweiBound(estate.huawei.servers.length),
  };
  return Object.fromEntries(
    PRODUCTS.map((p) => [
      p,
      {
        target: TARGETS[p],
        ...raw[p],
        timeBoundMs: boundTimeMs(raw[p], latencyMs, CONCURRENCY),
      },
    ]),
  ) as Results['bounds'];
}

async function measureMode(
  estate: Estate,
  dir: string,
  mode: Mode,
  args: Args,
): Promise<{ run: ModeResult; ha?: Results['ha'] }> {
  const latencyMs = mode === 'optimised' ? args.latencyMs : args.naiveLatencyMs;
  estate.setLatency(latencyMs);
  const profDir = path.join(os.tmpdir(), 'backup-exporter-profiles');
  if (args.cpuProf && mode === 'optimised') mkdirSync(profDir, { recursive: true });
  const exporter = await startExporterProcess({
    configFile: writeConfig(estate, dir, mode),
    env: mode === 'naive' ? { BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES: '0' } : {},
    nodeFlags: [
      ...args.nodeFlags,
      ...(args.cpuProf && mode === 'optimised' ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
    ],
  });
  try {
    log(
      `${mode} exporter (pid ${exporter.pid}) at ${latencyMs} ms latency${args.cpuProf && mode === 'optimised' ? `, CPU profile into ${profDir}` : ''}:`,
    );
    const o = observer(exporter, estate);
    const r = await runCollections(o, mode === 'optimised' ? args.warm : args.naiveWarm, log);
    const ha = mode === 'optimised' ? await haPair(o) : undefined;
    if (ha) log(`  HA pair: ${ha.requestsTotal} requests, ${ha.wallMs.map(fmtMs).join(' / ')}`);
    return {
      run: { latencyMs, cold: r.cold, warm: summarise(r.warm), warmRuns: r.warm, peakRssBytes: r.peakRssBytes },
      ...(ha ? { ha } : {}),
    };
  } finally {
    await exporter.stop();
  }
}

export async function runBench(args: Args): Promise<Results> {
  const started = Date.now();
  log('rendering 100,000 series ...');
  const render = await renderBenchmark();
  log(`starting the simulators (estate generation takes a while) ...`);
  const estate = await startEstate(args.scale, args.latencyMs);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-exporter-bench-'));
  try {
    const bounds = lowerBounds(estate, args.scale, args.latencyMs);
    const opt = await measureMode(estate, dir, 'optimised', args);
    const naive = (await measureMode(estate, dir, 'naive', args)).run;
    const naiveWarmWall = projectNaiveWall(
      naive.warm.wallMs.p50,
      medianRequests(naive),
      naive.latencyMs,
      args.latencyMs,
    );
    const naiveColdWall = projectNaiveWall(naive.cold.wallMs, naive.cold.requests, naive.latencyMs, args.latencyMs);
    const o = opt.run;
    const ratios: Record<string, number> = {
      [`warm wall (naive estimated at ${args.latencyMs} ms)`]: naiveWarmWall / o.warm.wallMs.p50,
      [`warm wall (naive measured at ${naive.latencyMs} ms)`]: naive.warm.wallMs.p50 / o.warm.wallMs.p50,
      [`cold wall (naive estimated at ${args.latencyMs} ms)`]: naiveColdWall / o.cold.wallMs,
      'warm upstream requests': naive.warm.requestsTotal.p50 / o.warm.requestsTotal.p50,
      'warm exporter CPU': naive.warm.cpuSeconds.p50 / o.warm.cpuSeconds.p50,
    };
    const all = [o.cold, ...o.warmRuns, naive.cold, ...naive.warmRuns];
    const crossCheck = {
      collections: all.length,
      matching: all.filter((c) => countsMatch(c.requests, c.selfReported)).length,
    };
    const largestBoundMs = PRODUCTS.reduce((m, p) => Math.max(m, bounds[p].timeBoundMs), 0);
    const verdicts = evaluate({
      products: PRODUCTS,
      minimal: Object.fromEntries(PRODUCTS.map((p) => [p, bounds[p].minimalRequests])) as Record<Product, number>,
      largestBoundMs,
      warm: o.warm,
      naiveWarmWallMs: naiveWarmWall,
      peakRssBytes: o.peakRssBytes,
      renderMs: render.renderAndJoinMs,
      ha: opt.ha!,
    });
    return {
      schema: 1,
      startedAt: new Date(started).toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown' },
      parameters: {
        latencyMs: args.latencyMs,
        naiveLatencyMs: args.naiveLatencyMs,
        warmRuns: args.warm,
        naiveWarmRuns: args.naiveWarm,
        concurrency: CONCURRENCY,
        lookback: '7d',
        scale: args.scale,
      },
      bounds,
      optimised: o,
      naive: { ...naive, estimatedWarmWallMs: naiveWarmWall },
      ha: opt.ha!,
      crossCheck,
      ratios,
      render,
      verdicts,
    };
  } finally {
    await estate.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function medianRequests(m: ModeResult): Record<string, number> {
  return Object.fromEntries(PRODUCTS.map((p) => [p, m.warm.requests[p].p50]));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const results = await runBench(args);
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatResults(results)}\n\nresults written to ${path.relative(process.cwd(), args.out)}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
