// alerts/backup-exporter.yml: every rule group, rendered with the settings' selectors, thresholds and runbook.
import { Document, type YAMLMap, YAMLSeq } from 'yaml';
import type { MonitoringConfig } from '../config';
import { coverageRules } from './coverage';
import { exporterRules } from './exporter';
import { jobRules } from './jobs';
import { licenceRules } from './licences';
import { logExportRules } from './log-exports';
import type { AlertRule, RuleGroup } from './rule';
import { storageRules } from './storage';

export function ruleGroups(cfg: MonitoringConfig): RuleGroup[] {
  return [exporterRules, jobRules, logExportRules, storageRules, licenceRules, coverageRules].map((g) => g(cfg));
}

const HEADER = `Alerting rules for backup-exporter (Prometheus 2.42 or newer: keep_firing_for).
Generated from the monitoring settings (dashboards/src/config.ts) by \`npm run dashboards\`; do not edit. To
fit them to your Prometheus, write your own settings and run
\`npm run monitoring -- --config my-settings.json --out dir\` (see docs/monitoring.md).

The identity of a job is (target, tenant, job_id, destination_id); tenant and destination_id are absent for
some products, which PromQL matching treats as the empty value on both sides.

keep_firing_for: when a target or one of its collectors fails, the exporter leaves out the series that depend
on it rather than reporting stale or fake values. Without keep_firing_for a real alert would resolve during
such an outage and fire again afterwards. It is longer than BackupTargetDown's \`for\`, so a long outage hands
over to BackupTargetDown / BackupCollectorFailing instead of going silent. The price: a fixed problem
resolves that much later.

Per-job expected intervals: define the recording rule backup_job:expected_interval_seconds (see
examples/prometheus/expected-interval.rules.yml); jobs without it use the default of the settings.`;

function ruleNode(doc: Document, r: AlertRule, cfg: MonitoringConfig) {
  const node = doc.createNode({
    alert: r.alert,
    expr: r.expr.includes('\n') ? `${r.expr}\n` : r.expr,
    for: r.for,
    ...(r.keepFiring ? { keep_firing_for: cfg.for.keepFiring } : {}),
    labels: { severity: r.severity },
    annotations: {
      summary: r.summary,
      description: r.description,
      runbook_url: `${cfg.runbookUrl}#${r.alert.toLowerCase()}`,
    },
  }) as YAMLMap;
  if (r.comment) node.commentBefore = r.comment.replace(/^/gm, ' ');
  return node;
}

export function renderRules(cfg: MonitoringConfig): string {
  const doc = new Document({ groups: [] });
  const groups = new YAMLSeq();
  for (const g of ruleGroups(cfg)) {
    const rules = new YAMLSeq();
    for (const r of g.rules) rules.items.push(ruleNode(doc, r, cfg));
    groups.items.push(doc.createNode({ name: g.name, rules }));
  }
  doc.set('groups', groups);
  doc.commentBefore = HEADER.replace(/^/gm, ' ').replace(/^ $/gm, '');
  return doc.toString({ lineWidth: 0 });
}
