// Repositories and tenant quotas: what makes the next backup fail is usually a full repository or quota.
// Capacity exists only where the product reports one (VB365 repositories, AhsayCBS quotas); Veeam Azure's blob
// repositories have none and are watched through their state only.
import type { MonitoringConfig } from '../config';
import { percent, type RuleGroup, selectors } from './rule';

const REPOSITORY = 'Repository {{ $labels.repository_name }} on {{ $labels.target }}';

export function storageRules(cfg: MonitoringConfig): RuleGroup {
  const { t } = selectors(cfg);
  const th = cfg.thresholds;
  const cap = t('backup_repository_capacity_bytes');
  const free = t('backup_repository_free_bytes');
  const used = t('backup_repository_used_bytes');
  const horizon = `${th.repositoryFullWithinDays} * 86400`;
  const w = th.repositoryTrendWindow;
  return {
    name: 'backup-storage',
    rules: [
      {
        alert: 'BackupRepositoryAlmostFull',
        comment: 'Object storage that reports no free space counts capacity - used.',
        expr: `(${free} or (${cap} - ${used})) / ${cap} < ${th.repositoryFreeRatio}`,
        for: '15m',
        keepFiring: true,
        severity: 'warning',
        summary: `${REPOSITORY} has {{ $value | humanizePercentage }} free`,
        description: `${REPOSITORY} ({{ $labels.repository_id }}) has less than ${percent(th.repositoryFreeRatio)} of its capacity free; backups to it fail once it is full.`,
      },
      {
        alert: 'BackupRepositoryFillingUp',
        comment: `The linear trend of the past ${w} reaches zero free space within ${th.repositoryFullWithinDays} days. A trend over ${w} needs
${w} of samples: the capacity must have been known ${w} ago.`,
        expr: [
          '(',
          `  predict_linear(${free}[${w}], ${horizon}) < 0`,
          '  or',
          `  ${cap} - predict_linear(${used}[${w}], ${horizon}) < 0`,
          ')',
          `and ${cap} offset ${w} > 0`,
        ].join('\n'),
        for: '1h',
        keepFiring: true,
        severity: 'warning',
        summary: `${REPOSITORY} will be full within ${th.repositoryFullWithinDays} days`,
        description: `At the rate of the past ${w}, ${REPOSITORY.toLowerCase()} ({{ $labels.repository_id }}) runs out of space within ${th.repositoryFullWithinDays} days.`,
      },
      {
        alert: 'BackupRepositoryNotOk',
        expr: `${t('backup_repository_status', 'state!="ok"')} == 1`,
        for: '15m',
        keepFiring: true,
        severity: 'warning',
        summary: `${REPOSITORY} is {{ $labels.state }}`,
        description: `${REPOSITORY} ({{ $labels.repository_id }}) reports the state {{ $labels.state }}; backups to it may fail.`,
      },
      {
        alert: 'BackupTenantQuotaAlmostFull',
        expr: `${t('backup_tenant_used_bytes')} / ${t('backup_tenant_quota_bytes')} > ${th.tenantQuotaRatio}`,
        for: '15m',
        keepFiring: true,
        severity: 'warning',
        summary:
          'Backup user {{ $labels.tenant }} on {{ $labels.target }} uses {{ $value | humanizePercentage }} of their quota',
        description: `Backup user {{ $labels.tenant }} on {{ $labels.target }} has used more than ${percent(th.tenantQuotaRatio)} of their quota; backups stop (BS_STOP_BY_QUOTA_EXCEEDED) once it is full.`,
      },
    ],
  };
}
