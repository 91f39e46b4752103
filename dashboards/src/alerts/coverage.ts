// Protection coverage (veeam_m365, veeam_azure) and infrastructure components (VB365 backup proxies).
import type { MonitoringConfig } from '../config';
import { percent, type RuleGroup, selectors, spoken, throughout } from './rule';

const COMPONENT = '{{ $labels.component_type }} {{ $labels.component_name }} on {{ $labels.target }}';

export function coverageRules(cfg: MonitoringConfig): RuleGroup {
  const { t } = selectors(cfg);
  const f = cfg.for;
  const ratio = cfg.thresholds.azureUnprotectedRatio;
  const azure = (...more: string[]) => t('backup_objects', 'product="veeam_azure"', ...more);
  return {
    name: 'backup-coverage',
    rules: [
      {
        alert: 'BackupUsersUnprotected',
        comment: `Some licensed VB365 users have never been backed up, at every sample of the past ${f.usersUnprotected}.`,
        expr: throughout(
          t('backup_objects', 'object_type="user"', 'protection="unprotected"'),
          '> 0',
          f.usersUnprotected,
        ),
        for: '15m',
        keepFiring: true,
        severity: 'warning',
        summary: '{{ $value }} licensed users of {{ $labels.tenant }} on {{ $labels.target }} are not backed up',
        description: `Licensed users of organization {{ $labels.tenant }} on {{ $labels.target }} have not been backed up for ${spoken(f.usersUnprotected)}: add them to a backup job or remove their licence.`,
      },
      {
        alert: 'BackupObjectsUnprotected',
        comment: `Veeam Azure counts a workload as unprotected when no policy protected it during the past week, deliberately
excluded ones included. thresholds.azureUnprotectedRatio (default 1: nothing of a type protected) sets the share.`,
        expr: `${azure('protection="unprotected"')}\n/ ignoring (protection) sum without (protection) (${azure()})\n>= ${ratio}`,
        for: '1h',
        keepFiring: true,
        severity: 'warning',
        summary:
          '{{ $value | humanizePercentage }} of the {{ $labels.object_type }} workloads of {{ $labels.target }} were not protected this week',
        description: `${ratio >= 1 ? 'None' : `At most ${percent(1 - ratio)}`} of the {{ $labels.object_type }} workloads that {{ $labels.target }} knows about were protected by a policy during the past week.`,
      },
      {
        alert: 'BackupComponentOffline',
        expr: `${t('backup_component_status', 'state="offline"')} == 1`,
        for: f.componentOffline,
        keepFiring: true,
        severity: 'warning',
        summary: `${COMPONENT} is offline`,
        description: `${COMPONENT} has been offline for ${spoken(f.componentOffline)}; jobs that use it fail or wait.`,
      },
      {
        alert: 'BackupComponentInMaintenance',
        comment: `In maintenance at every sample of the past ${f.componentMaintenance}: probably forgotten.`,
        expr: throughout(t('backup_component_status', 'state="maintenance"'), '== 1', f.componentMaintenance),
        for: '15m',
        keepFiring: true,
        severity: 'warning',
        summary: `${COMPONENT} has been in maintenance for ${spoken(f.componentMaintenance)}`,
        description: `${COMPONENT} has been in maintenance mode for ${spoken(f.componentMaintenance)}; jobs do not use it until maintenance ends.`,
      },
    ],
  };
}
