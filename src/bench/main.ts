// `npm run bench`: the exporter as its own process against the registered simulators, measured from outside.
// Scenarios: `full` (every product at the bench estate's size, optimised and naive, with the lower bounds and the
// performance targets), `requests` (request-dominated: the exporter's CPU per upstream request) and `curve` (the
// request-dominated estate at several sizes, cold and warm). Prints tables, compares with the reference figures
// of bench/results.json and writes this run's figures (bench/last-run.json). Flags: bench/README.md.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Args, parseArgs } from './args';
import { compareResults } from './compare';
import { runFull } from './full';
import { renderBenchmark } from './render-bench';
import { runCurve, runRequests } from './requests';
import type { Results } from './results';
import { CONCURRENCY } from './run-mode';
import { formatResults } from './table';
import { formatComparison } from './table-compare';

const ROOT = path.join(__dirname, '..', '..');

const log = (msg: string): void => {
  process.stderr.write(`${msg}\n`);
};

export async function runBench(args: Args): Promise<Results> {
  const started = Date.now();
  const loadStart = os.loadavg();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-exporter-bench-'));
  const has = (s: Args['scenarios'][number]) => args.scenarios.includes(s);
  try {
    if (has('full')) log('rendering 100,000 series ...');
    const render = has('full') ? await renderBenchmark() : undefined;
    const full = has('full') ? await runFull(args, dir, log, render!.renderAndJoinMs) : undefined;
    const requests = has('requests') ? await runRequests(args, dir, log) : undefined;
    const curve = has('curve') ? await runCurve(args, dir, log) : undefined;
    return {
      schema: 2,
      startedAt: new Date(started).toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        loadavg: { start: loadStart, end: os.loadavg() },
      },
      parameters: {
        latencyMs: args.latencyMs,
        naiveLatencyMs: args.naiveLatencyMs,
        warmRuns: args.warm,
        naiveWarmRuns: args.naiveWarm,
        concurrency: CONCURRENCY,
        lookback: '7d',
        scenarios: args.scenarios,
        ...(args.exporter ? { exporter: args.exporter } : {}),
      },
      ...(render ? { render } : {}),
      ...(full ? { full } : {}),
      ...(requests ? { requests } : {}),
      ...(curve ? { curve } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readReference(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ROOT);
  // Read first: --out may name the reference itself (updating it).
  const reference = readReference(args.reference);
  const results = await runBench(args);
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  const comparison = compareResults(results, reference);
  const where = path.relative(process.cwd(), args.reference);
  process.stdout.write(
    `${formatResults(results)}\n\n${formatComparison(comparison, where)}\n\n` +
      `results written to ${path.relative(process.cwd(), args.out)} (${results.durationSeconds.toFixed(0)} s)\n`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
