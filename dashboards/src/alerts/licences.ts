// Licences (veeam_m365, veeam_azure): expiry, the VB365 grace period after it, and licensed units in use.
import type { MonitoringConfig } from '../config';
import { percent, type RuleGroup, selectors } from './rule';

const LICENCE = '{{ $labels.product }} licence of {{ $labels.target }}';

export function licenceRules(cfg: MonitoringConfig): RuleGroup {
  const { t } = selectors(cfg);
  const th = cfg.thresholds;
  const expiry = t('backup_license_expiry_timestamp_seconds');
  const grace = t('backup_license_grace_expiry_timestamp_seconds');
  const left = `${expiry} - time()`;
  const inGrace = `${grace} > time() and ${expiry} <= time()`;
  return {
    name: 'backup-licences',
    rules: [
      {
        alert: 'BackupLicenseExpiring',
        expr: `${left} < ${th.licenseWarningDays} * 86400\nand ${left} >= ${th.licenseCriticalDays} * 86400`,
        for: '15m',
        keepFiring: true,
        severity: 'warning',
        summary: `${LICENCE} expires in {{ $value | humanizeDuration }}`,
        description: `${LICENCE} expires within ${th.licenseWarningDays} days. Renew it before backups stop.`,
      },
      {
        alert: 'BackupLicenseExpiring',
        comment: 'Expired licences too, unless they are in their grace period (BackupLicenseInGracePeriod).',
        expr: `${left} < ${th.licenseCriticalDays} * 86400\nunless on (target) (${inGrace})`,
        for: '15m',
        keepFiring: true,
        severity: 'critical',
        summary: `${LICENCE} {{ if lt $value 0.0 }}has expired{{ else }}expires in {{ $value | humanizeDuration }}{{ end }}`,
        description: `${LICENCE} expires within ${th.licenseCriticalDays} days or has expired. Renew it: without a valid licence backups stop.`,
      },
      {
        alert: 'BackupLicenseInGracePeriod',
        comment: 'VB365 v7 and later report when the grace period after the licence expiry ends.',
        expr: `${grace} - time() > 0\nand ${expiry} <= time()`,
        for: '15m',
        keepFiring: true,
        severity: 'critical',
        summary: `${LICENCE} has expired; its grace period ends in {{ $value | humanizeDuration }}`,
        description: `${LICENCE} has expired and runs in its grace period, which ends in {{ $value | humanizeDuration }}. Renew the licence before then.`,
      },
      {
        alert: 'BackupLicenseUnitsExhausted',
        comment: 'Only licences with a capacity: metered and external licences have none.',
        expr: `${t('backup_license_used_units')} / ${t('backup_license_capacity_units')} >= ${th.licenseUsedRatio}`,
        for: '15m',
        keepFiring: true,
        severity: 'warning',
        summary: `${LICENCE} uses {{ $value | humanizePercentage }} of its licensed units`,
        description: `${LICENCE} has used ${th.licenseUsedRatio >= 1 ? 'all' : `at least ${percent(th.licenseUsedRatio)}`} of its licensed units (users for VB365, instances for Veeam Azure): new users or workloads are not protected.`,
      },
    ],
  };
}
