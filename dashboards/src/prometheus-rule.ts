// The Kubernetes PrometheusRule (prometheus-operator) is generated from alerts/backup-exporter.yml, so the two
// can never drift apart. `npm run dashboards` writes it; a test checks the committed copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, parse } from 'yaml';

export const RULES_FILE = join(__dirname, '..', '..', 'alerts', 'backup-exporter.yml');
export const PROMETHEUS_RULE_FILE = join(__dirname, '..', '..', 'examples', 'kubernetes', 'prometheusrule.yaml');

export function renderPrometheusRule(rulesYaml = readFileSync(RULES_FILE, 'utf8')): string {
  const rules = parse(rulesYaml) as { groups: unknown[] };
  const doc = new Document({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'backup-exporter', labels: { 'app.kubernetes.io/name': 'backup-exporter' } },
    spec: { groups: rules.groups },
  });
  doc.commentBefore =
    ' Generated from alerts/backup-exporter.yml by `npm run dashboards`; do not edit.\n' +
    ' The Prometheus of prometheus-operator selects it through its ruleSelector (labels).';
  return doc.toString({ lineWidth: 0 });
}
