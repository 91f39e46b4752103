// Checks dashboard JSON against Grafana 11.0's schema (grafana-11.ts) with the TypeScript compiler: every part of
// every panel becomes a typed constant of a generated file, and tsc's errors are mapped back to the dashboard,
// panel and part they are about. tsc reports one unknown field per object, hence the split into parts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './promql';

type Json = Record<string, unknown>;
const TYPES = join(__dirname, 'grafana-11');
const SCHEMA = join(ROOT, 'node_modules', 'grafana-schema-11', 'dist', 'index.d.ts');

class CheckFile {
  lines: string[] = [`import type * as G from ${JSON.stringify(TYPES)};`];
  labels: Array<[line: number, label: string]> = [];

  add(label: string, type: string, value: unknown) {
    this.labels.push([this.lines.length + 1, label]);
    const text = JSON.stringify(value, null, 2);
    this.lines.push(...`export const c${this.labels.length}: ${type} = ${text};`.split('\n'));
  }

  /** The label of the constant that contains a (1-based) line. */
  labelAt(line: number): string {
    let found = '?';
    for (const [start, label] of this.labels) if (start <= line) found = label;
    return found;
  }

  get text() {
    return `${this.lines.join('\n')}\n`;
  }
}

function addPanel(f: CheckFile, file: string, p: Json) {
  const where = `${file} panel ${String(p.id)} "${String(p.title)}"`;
  if (p.type === 'row') return f.add(`${where} (row)`, 'G.Row', p);
  const { options, fieldConfig, targets, ...base } = p;
  const t = JSON.stringify(p.type);
  f.add(`${where}`, `G.PanelBase<${t}>`, base);
  if (options !== undefined) f.add(`${where} options`, `G.Options<${t}>`, options);
  const { defaults, overrides, ...rest } = (fieldConfig ?? {}) as Json;
  f.add(`${where} fieldConfig`, 'Record<string, never>', rest);
  if (defaults !== undefined) f.add(`${where} fieldConfig.defaults`, `G.Defaults<${t}>`, defaults);
  if (overrides !== undefined) f.add(`${where} fieldConfig.overrides`, `G.Overrides<${t}>`, overrides);
  for (const [i, q] of ((targets ?? []) as Json[]).entries()) f.add(`${where} targets[${i}]`, 'G.Target', q);
}

/** One line per problem: where (dashboard, panel, part) and tsc's message. Empty when Grafana 11.0 accepts all. */
export function grafana11Problems(dashboards: Array<{ file: string; json: Json }>): string[] {
  const f = new CheckFile();
  for (const { file, json } of dashboards) {
    const { panels, ...dashboard } = json;
    f.add(`${file} dashboard`, 'G.Dashboard', dashboard);
    for (const p of (panels ?? []) as Json[]) addPanel(f, file, p);
  }
  const dir = mkdtempSync(join(tmpdir(), 'grafana-11-check-'));
  try {
    const compilerOptions = {
      strict: true,
      noEmit: true,
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      types: [],
      skipLibCheck: true,
      // The panel schemas import the common types as '@grafana/schema': the 11.0 package, not a newer one.
      paths: { '@grafana/schema': [SCHEMA] },
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['check.ts'] }));
    writeFileSync(join(dir, 'check.ts'), f.text);
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', dir, '--pretty', 'false'], {
      encoding: 'utf8',
    });
    if (r.error) throw r.error;
    return parseErrors(`${r.stdout}${r.stderr}`, f);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `check.ts(LINE,COL): error TSxxxx: message` (and indented continuation lines) → `where: message`. */
function parseErrors(output: string, f: CheckFile): string[] {
  const problems: string[] = [];
  for (const line of output.split('\n')) {
    const m = /^(?:.*[\\/])?check\.ts\((\d+),\d+\): error (TS\d+: .*)$/.exec(line);
    if (m) problems.push(`${f.labelAt(Number(m[1]))}: ${m[2]}`);
    else if (line.trim() && problems.length && /^\s/.test(line)) problems[problems.length - 1] += ` ${line.trim()}`;
    else if (line.trim()) problems.push(`tsc: ${line}`);
  }
  return problems;
}
