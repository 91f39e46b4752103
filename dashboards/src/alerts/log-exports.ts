// Huawei CloudDC log exports.
import type { MonitoringConfig } from '../config';
import { seconds } from '../promql';
import { type RuleGroup, selectors, spoken } from './rule';

const SERVER = 'server {{ $labels.server_name }} ({{ $labels.server_id }}) on {{ $labels.target }}';

export function logExportRules(cfg: MonitoringConfig): RuleGroup {
  const { t } = selectors(cfg);
  const { logExportStalledAfter: after, logExportMaxAge: maxAge } = cfg.thresholds;
  const progress = t('backup_log_export_progress_ratio');
  return {
    name: 'backup-log-exports',
    rules: [
      {
        alert: 'BackupLogExportFailed',
        expr: `${t('backup_log_export_status', 'state="failed"')} == 1`,
        for: '5m',
        keepFiring: true,
        severity: 'warning',
        summary: 'Log export of {{ $labels.server_name }} on {{ $labels.target }} failed',
        description: `The newest log export of ${SERVER} failed.`,
      },
      {
        alert: 'BackupLogExportStalled',
        comment: `Processing without progress for ${after}, or for more than ${maxAge}. "No change over ${after}" needs ${after} of
samples (the offset): with less history, an unchanged progress proves nothing yet.`,
        expr: [
          `${t('backup_log_export_status', 'state="processing"')} == 1`,
          'and on (target, server_id)',
          '(',
          `  changes(${progress}[${after}]) == 0 and ${progress} offset ${after}`,
          '  or on (target, server_id)',
          `  (time() - ${t('backup_log_export_created_timestamp_seconds')} > ${seconds(maxAge)})`,
          ')',
        ].join('\n'),
        for: '5m',
        keepFiring: true,
        severity: 'warning',
        summary: 'Log export of {{ $labels.server_name }} on {{ $labels.target }} is stalled',
        description: `The newest log export of ${SERVER} is still processing: no progress for ${spoken(after)}, or started more than ${spoken(maxAge)} ago.`,
      },
    ],
  };
}
