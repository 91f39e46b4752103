// `npm run monitoring -- --config my-settings.json --out dir`: the dashboards, alert rules and PrometheusRule for
// your own settings (JSON or YAML, every key optional; see dashboards/src/config.ts and docs/monitoring.md).
// The output folder mirrors the repository: dir/dashboards/*.json, dir/alerts/backup-exporter.yml,
// dir/examples/kubernetes/prometheusrule.yaml.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { type MonitoringConfig, resolveSettings } from './config';
import { renderAll } from './index';

export function writeOutputs(cfg: MonitoringConfig, outDir: string): string[] {
  const written: string[] = [];
  for (const [path, content] of renderAll(cfg)) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), content);
    written.push(path);
  }
  return written;
}

const USAGE = 'usage: npm run monitoring -- [--config my-settings.json] --out dir';

type Log = (line: string) => void;

/** Parses `--config FILE` / `--config=FILE` and `--out DIR`; returns the exit code. */
export function main(argv: string[], log: Log = console.log, error: Log = console.error): number {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag !== '--config' && flag !== '--out') return fail(error, `unknown argument ${arg}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (!value) return fail(error, `${flag} needs a value\n${USAGE}`);
    args.set(flag, value);
  }
  // `npm run` starts scripts in the repository; relative paths are meant from where the user typed the command.
  const from = (p: string | undefined) => p && resolve(process.env.INIT_CWD ?? process.cwd(), p);
  const out = from(args.get('--out'));
  if (!out) return fail(error, USAGE);
  try {
    const file = from(args.get('--config'));
    const cfg = resolveSettings(file ? parse(readFileSync(file, 'utf8')) : {});
    for (const path of writeOutputs(cfg, out)) log(`wrote ${join(out, path)}`);
    return 0;
  } catch (err) {
    return fail(error, (err as Error).message);
  }
}

function fail(error: Log, message: string): number {
  error(message);
  return 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
