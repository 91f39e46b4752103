// Everything the monitoring settings generate, by path relative to the output folder (the repository layout):
// the dashboards, the alert rules and the Kubernetes PrometheusRule that embeds them. `npm run dashboards`
// writes them from the defaults into the repository; the tests compare the committed files with this.
import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { renderRules } from './alerts';
import { ahsay } from './ahsay';
import { azure } from './azure';
import { mixin, type Mixin } from './common';
import { DEFAULTS, type MonitoringConfig } from './config';
import { exporter } from './exporter';
import { exportDashboard } from './grafana';
import { huawei } from './huawei';
import { overview } from './overview';
import { renderPrometheusRule } from './prometheus-rule';
import { vb365 } from './vb365';

export const DASHBOARDS: Array<{ file: string; build(m: Mixin): DashboardBuilder }> = [
  { file: 'backup-overview.json', build: overview },
  { file: 'backup-vb365.json', build: vb365 },
  { file: 'backup-veeam-azure.json', build: azure },
  { file: 'backup-ahsay.json', build: ahsay },
  { file: 'backup-huawei-clouddc.json', build: huawei },
  { file: 'backup-exporter-health.json', build: exporter },
];

export const RULES_PATH = 'alerts/backup-exporter.yml';
export const PROMETHEUS_RULE_PATH = 'examples/kubernetes/prometheusrule.yaml';

/** One dashboard's JSON text. */
export function renderDashboard(file: string, cfg: MonitoringConfig = DEFAULTS): string {
  const d = DASHBOARDS.find((x) => x.file === file);
  if (!d) throw new Error(`no dashboard ${file}`);
  return `${JSON.stringify(exportDashboard(d.build(mixin(cfg)).build(), cfg), null, 2)}\n`;
}

/** Every generated file: path (relative to the output folder) → content. */
export function renderAll(cfg: MonitoringConfig = DEFAULTS): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of DASHBOARDS) out.set(`dashboards/${d.file}`, renderDashboard(d.file, cfg));
  const rules = renderRules(cfg);
  out.set(RULES_PATH, rules);
  out.set(PROMETHEUS_RULE_PATH, renderPrometheusRule(rules));
  return out;
}
