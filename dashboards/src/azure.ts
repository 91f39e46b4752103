// Veeam Backup for Microsoft Azure: policies, the instances they protect and how long their sessions take; the
// repositories (blob storage: a state, no capacity), storage per tier, the licence and the protection coverage.
import { VariableHide } from '@grafana/grafana-foundation-sdk/dashboard';
import { coverageBars, licenseInfo, licenseTimeLeft, licenseUse, repositoryStatus } from './capacity';
import {
  dashboard,
  datasourceVariable,
  labelVariable,
  type Mixin,
  type PanelBuilder,
  productConstant,
  sections,
  targetVariables,
} from './common';
import {
  durationTimeseries,
  jobCount,
  notSuccessfulCount,
  sinceSuccessTable,
  statusTable,
  warningsErrors,
} from './jobs';
import { stat, timeseries } from './panels';
import { sel } from './promql';

function policiesByType(m: Mixin) {
  const expr = `count by (job_type) (group by (target, job_id, job_type) (${sel('backup_job_status', m.job)}))`;
  return timeseries('Policies by type', [{ expr, legend: '{{job_type}}' }], {
    description: 'Number of policies per policy type.',
    min: 0,
  });
}

function protectedInstances(m: Mixin) {
  const expr = `max by (target, job_name) (${sel('backup_job_last_run_processed_objects', m.job)})`;
  return timeseries('Protected instances per policy', [{ expr, legend: '{{target}} {{job_name}}' }], {
    description: 'backupJobInfo.protectedInstancesCount of the last policy session.',
    min: 0,
  });
}

function storageByTier(m: Mixin) {
  const expr = `sum by (target, storage_tier) (${sel('backup_storage_used_bytes', m.target)})`;
  return timeseries('Backup storage by tier', [{ expr, legend: '{{target}} {{storage_tier}}' }], {
    description: 'overview/storageUsage: bytes stored in the hot, cool and archive tiers.',
    unit: 'bytes',
    min: 0,
  });
}

function sumStat(m: Mixin, title: string, metric: string, description: string) {
  return stat(title, { expr: `sum(${sel(metric, m.job)})` }, { description, width: 6 });
}

function summary(m: Mixin): PanelBuilder[] {
  const instances = 'Instances protected by the last session of every policy.';
  return [
    jobCount(m, 'Policies', 6),
    sumStat(m, 'Enabled policies', 'backup_job_enabled', 'Policies the API reports as enabled.'),
    notSuccessfulCount(m, 6),
    sumStat(m, 'Protected instances', 'backup_job_last_run_processed_objects', instances),
  ];
}

function licenceAndCoverage(m: Mixin): PanelBuilder[] {
  const coverage =
    'Share of the virtual machines, SQL databases and file shares that a policy protected during the past week. Deliberately excluded workloads count as unprotected.';
  const expiry = 'backup_license_expiry_timestamp_seconds';
  return [
    licenseUse(m, 'Licensed instances used'),
    licenseTimeLeft(m, expiry, 'Licence expires in', 'Time until the licence expires.'),
    licenseInfo(m),
    coverageBars(m, 'Protected during the past week', coverage, 12),
  ];
}

export function azure(m: Mixin) {
  const d = dashboard(
    m,
    'backup-veeam-azure',
    'Backup: Veeam Backup for Microsoft Azure',
    'Policies, protected instances and session durations; repositories, storage, licence and protection coverage.',
  ).variables([
    datasourceVariable(),
    productConstant('veeam_azure'),
    ...targetVariables(m),
    // Azure policies have no tenant; the variable stays (hidden) so the shared job panels work unchanged.
    labelVariable('tenant', 'Tenant', 'backup_job_status', m.target).hide(VariableHide.HideVariable),
    labelVariable('job_name', 'Policy', 'backup_job_status', m.target),
  ]);
  const policies = [
    statusTable(m, 'Policy status', false),
    sinceSuccessTable(m),
    policiesByType(m),
    protectedInstances(m),
  ];
  const sessions = [
    durationTimeseries(m, 'Session duration per policy', 'target, job_name', '{{target}} {{job_name}}'),
    warningsErrors(m, '{{target}} {{job_name}}'),
  ];
  return sections(d, [
    ['Summary', summary(m)],
    ['Policies', policies],
    ['Storage', [repositoryStatus(m), storageByTier(m)]],
    ['Licence and coverage', licenceAndCoverage(m)],
    ['Sessions', sessions],
  ]);
}
