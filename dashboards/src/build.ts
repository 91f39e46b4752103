// `npm run dashboards`: writes every dashboard's JSON next to this folder (dashboards/*.json) and the
// Kubernetes PrometheusRule generated from alerts/backup-exporter.yml.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DASHBOARDS, renderDashboard } from './index';
import { PROMETHEUS_RULE_FILE, renderPrometheusRule } from './prometheus-rule';

const outDir = join(__dirname, '..');
for (const d of DASHBOARDS) {
  writeFileSync(join(outDir, d.file), renderDashboard(d));
  console.log(`wrote dashboards/${d.file}`);
}
writeFileSync(PROMETHEUS_RULE_FILE, renderPrometheusRule());
console.log(`wrote ${relative(join(__dirname, '..', '..'), PROMETHEUS_RULE_FILE)}`);
