// PromQL helpers for the monitoring tests: parse with lezer-promql, list the selectors of an expression, and
// know every metric name and label the exporter defines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parse } from 'yaml';
import { FAMILIES } from '../../src/core/families';
import { SelfMetrics } from '../../src/core/self-metrics';
import { CONTRACT_FAMILIES } from './contract-families';

export const ROOT = join(__dirname, '..', '..');

/** Offsets of syntax errors (empty when the expression parses). */
export function syntaxErrors(expr: string): number[] {
  const at: number[] = [];
  parser.parse(expr).iterate({
    enter: (n) => {
      if (n.type.isError) at.push(n.from);
    },
  });
  return at;
}

export interface Selector {
  metric?: string;
  labels: string[];
}

/** Every vector selector of the expression: its metric name and the label names it matches on. */
export function selectors(expr: string): Selector[] {
  const out: Selector[] = [];
  const tree = parser.parse(expr);
  tree.iterate({
    enter: (n) => {
      if (n.type.name !== 'VectorSelector') return;
      const id = n.node.getChild('Identifier');
      const labels: string[] = [];
      tree.iterate({
        from: n.from,
        to: n.to,
        enter: (c) => {
          if (c.type.name === 'LabelName') labels.push(expr.slice(c.from, c.to));
        },
      });
      out.push({ metric: id ? expr.slice(id.from, id.to) : undefined, labels });
      return false;
    },
  });
  return out;
}

/**
 * Metric name -> label names it may be selected on (beyond the scrape labels `job` and `instance`): the
 * exporter's families, the contract's families it does not define yet, and its self-metrics.
 */
export function knownMetrics(): Map<string, string[]> {
  const known = new Map<string, string[]>();
  for (const [name, labels] of Object.entries(CONTRACT_FAMILIES)) known.set(name, ['target', 'product', ...labels]);
  for (const [name, def] of Object.entries(FAMILIES)) known.set(name, ['target', 'product', ...def.labels]);
  const self = new SelfMetrics({ defaultMetrics: false });
  for (const m of self.registry.getMetricsAsArray()) {
    const labels = [...((m as unknown as { labelNames?: string[] }).labelNames ?? [])];
    if (m.constructor.name === 'Histogram') {
      known.set(`${m.name}_bucket`, [...labels, 'le']);
      known.set(`${m.name}_sum`, labels);
      known.set(`${m.name}_count`, labels);
    } else {
      known.set(m.name, labels);
    }
  }
  return known;
}

/** Names recorded by rule files of this repository (alerts/ and the examples users copy). */
export function recordedNames(): string[] {
  const files = [
    ...readdirSync(join(ROOT, 'alerts'))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => join(ROOT, 'alerts', f)),
    ...readdirSync(join(ROOT, 'examples', 'prometheus'))
      .filter((f) => f.endsWith('.rules.yml'))
      .map((f) => join(ROOT, 'examples', 'prometheus', f)),
  ];
  return files.flatMap((f) =>
    ruleGroups(f).flatMap((g) => g.rules.map((r) => r.record).filter((r): r is string => !!r)),
  );
}

export interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  keep_firing_for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export function ruleGroups(file: string): Array<{ name: string; rules: Rule[] }> {
  return (parse(readFileSync(file, 'utf8')) as { groups: Array<{ name: string; rules: Rule[] }> }).groups;
}

/** Prometheus' own series, prom-client's default metrics and Prometheus' alert series. */
const EXTERNAL = /^(up|scrape_.+|ALERTS|ALERTS_FOR_STATE|process_.+|nodejs_.+)$/;
const SCRAPE_LABELS = ['job', 'instance'];

/** Problems of one expression: syntax errors, unknown metric names, labels the metric does not have. */
export function problems(expr: string, known = knownMetrics(), recorded = recordedNames()): string[] {
  const errors = syntaxErrors(expr);
  if (errors.length) return [`syntax error at ${errors.join(', ')}`];
  const out: string[] = [];
  for (const s of selectors(expr)) {
    if (!s.metric) {
      out.push(`selector without a metric name`);
      continue;
    }
    if (EXTERNAL.test(s.metric) || recorded.includes(s.metric)) continue;
    const labels = known.get(s.metric);
    if (!labels) {
      out.push(`unknown metric ${s.metric}`);
      continue;
    }
    for (const l of s.labels)
      if (!labels.includes(l) && !SCRAPE_LABELS.includes(l)) out.push(`${s.metric} has no label ${l}`);
  }
  return out;
}
