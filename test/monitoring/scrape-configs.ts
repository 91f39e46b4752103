// The Prometheus configurations users copy: the README's snippets (as a user pastes them) and examples/prometheus,
// and what the default monitoring settings expect of their job names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULTS } from '../../dashboards/src/config';
import { ROOT } from './promql';

export interface ScrapeConfig {
  job_name: string;
  metrics_path?: string;
  scrape_interval?: string;
  scrape_timeout?: string;
  static_configs?: Array<{ targets: string[] }>;
  http_sd_configs?: Array<{ url: string }>;
  relabel_configs?: Array<Record<string, unknown>>;
  metric_relabel_configs?: Array<Record<string, unknown>>;
}

export interface PrometheusConfig {
  global?: Record<string, string>;
  rule_files?: string[];
  scrape_configs: ScrapeConfig[];
}

/** The YAML blocks of the README's "### Prometheus" section, verbatim. */
export function readmePrometheusSnippets(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n### Prometheus\n');
  if (start < 0) throw new Error('README.md has no "### Prometheus" section');
  const section = readme.slice(start + 1).split(/\n#{2,3} /)[0] ?? '';
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

export function exampleConfig(file: string): PrometheusConfig {
  return parse(readFileSync(join(ROOT, 'examples', 'prometheus', file), 'utf8')) as PrometheusConfig;
}

/** The job regex of a default selector (`job=~"..."`), anchored as Prometheus anchors it. */
function jobRegex(selector: string): RegExp {
  const m = /^job=~"([^"]+)"$/.exec(selector);
  if (!m) throw new Error(`not a job selector: ${selector}`);
  return new RegExp(`^(?:${m[1]})$`);
}

/** Jobs the default settings select for the exporter's own metrics and for target series. */
export const EXPORTER_JOBS = jobRegex(DEFAULTS.selectors.exporter);
export const TARGET_JOBS = jobRegex(DEFAULTS.selectors.targets);

/** A /metrics job that keeps only the exporter's own metrics (next to /probe jobs). */
export const selfOnly = (s: ScrapeConfig) =>
  (s.metric_relabel_configs ?? []).some((r) => r.action === 'keep' && String(r.regex).startsWith('backup_exporter_'));
export const isProbe = (s: ScrapeConfig) => s.metrics_path === '/probe';
