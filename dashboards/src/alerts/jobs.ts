// Backup jobs (veeam_m365, veeam_azure, ahsay). Jobs are matched on their identity; disabled jobs never alert.
import type { MonitoringConfig } from '../config';
import { JOB_IDENTITY as ID } from '../promql';
import { type AlertRule, type RuleGroup, selectors } from './rule';

const TENANT = '{{ with $labels.tenant }} (tenant {{ . }}){{ end }}';
const DESTINATION = '{{ with $labels.destination_id }} (destination {{ . }}){{ end }}';
const ON_TARGET = 'on {{ $labels.target }}';

/** The job rules' common parts: the target selector and "unless the job is disabled". */
function parts(cfg: MonitoringConfig) {
  const { t } = selectors(cfg);
  return { t, enabled: `unless on (${ID}) (${t('backup_job_enabled')} == 0)` };
}

/** The last run's state: failed or warning. */
function stateRules(cfg: MonitoringConfig): AlertRule[] {
  const { t, enabled } = parts(cfg);
  return [
    {
      alert: 'BackupJobFailed',
      expr: `${t('backup_job_status', 'status="failed"')} == 1\n${enabled}`,
      for: '5m',
      keepFiring: true,
      severity: 'critical',
      summary: '{{ $labels.product }} job {{ $labels.job_name }} on {{ $labels.target }} failed',
      description: `The last run of {{ $labels.job_type }} job {{ $labels.job_name }}${TENANT}{{ with $labels.destination_id }} to destination {{ . }}{{ end }} ${ON_TARGET} failed.`,
    },
    {
      alert: 'BackupJobWarning',
      expr: `${t('backup_job_status', 'status="warning"')} == 1\n${enabled}`,
      for: '5m',
      keepFiring: true,
      severity: 'warning',
      summary: '{{ $labels.product }} job {{ $labels.job_name }} on {{ $labels.target }} ended with warnings',
      description: `The last run of {{ $labels.job_name }}${TENANT} ${ON_TARGET} ended with warnings.`,
    },
  ];
}

/** How long ago the last success was, against the job's expected interval or the lookback. */
function successRules(cfg: MonitoringConfig): AlertRule[] {
  const { t, enabled } = parts(cfg);
  const success = t('backup_job_last_success_timestamp_seconds');
  const hours = cfg.thresholds.jobExpectedIntervalHours;
  return [
    {
      alert: 'BackupJobNoRecentSuccess',
      comment: `Seconds since the last success, compared per job with its expected interval (default ${hours}h).`,
      expr: [
        `(time() - ${success})`,
        `> on (${ID}) group_left ()`,
        `  max by (${ID}) (`,
        '    backup_job:expected_interval_seconds',
        `    or on (${ID})`,
        `    (0 * ${success} + ${hours} * 3600)`,
        '  )',
        enabled,
      ].join('\n'),
      for: '15m',
      keepFiring: true,
      severity: 'critical',
      summary:
        'No successful {{ $labels.job_name }} backup on {{ $labels.target }} for {{ $value | humanizeDuration }}',
      description: `Job {{ $labels.job_name }}${TENANT}${DESTINATION} ${ON_TARGET} last succeeded {{ $value | humanizeDuration }} ago, longer than its expected interval.`,
    },
    {
      alert: 'BackupJobNoSuccessInLookback',
      comment:
        "The job exists (its state set is exported) but no success was found within the exporter's lookback:\nit never ran (state none), or every run in the window failed.",
      expr: `group without (status) (${t('backup_job_status')})\nunless on (${ID}) ${success}\n${enabled}`,
      for: '1h',
      keepFiring: true,
      severity: 'warning',
      summary:
        '{{ $labels.product }} job {{ $labels.job_name }} on {{ $labels.target }} has no successful run within lookback',
      description: `No successful run of {{ $labels.job_name }}${TENANT}${DESTINATION} ${ON_TARGET} was found within the exporter's lookback window.`,
    },
  ];
}

function runningRule(cfg: MonitoringConfig): AlertRule {
  const { t } = parts(cfg);
  return {
    alert: 'BackupJobRunningTooLong',
    expr: `${t('backup_job_last_run_duration_seconds')} > ${cfg.thresholds.jobRunningTooLongHours} * 3600\nand on (${ID}) (${t('backup_job_status', 'status="running"')} == 1)`,
    for: '5m',
    keepFiring: true,
    severity: 'warning',
    summary:
      '{{ $labels.product }} job {{ $labels.job_name }} on {{ $labels.target }} has been running for {{ $value | humanizeDuration }}',
    description: `The current run of {{ $labels.job_name }}${TENANT} ${ON_TARGET} started {{ $value | humanizeDuration }} ago.`,
  };
}

export function jobRules(cfg: MonitoringConfig): RuleGroup {
  return { name: 'backup-jobs', rules: [...stateRules(cfg), ...successRules(cfg), runningRule(cfg)] };
}
