// Veeam Backup for Microsoft 365: jobs per organization (tenant), what they moved and how long they took, the
// repositories they fill, the licence, the users no backup covers yet and the backup proxies.
import { licenseInfo, licenseTimeLeft, licenseUse, repositoryStatus, repositoryTable } from './capacity';
import {
  dashboard,
  datasourceVariable,
  jobVariables,
  type Mixin,
  type PanelBuilder,
  productConstant,
  redFrom,
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
import { table } from './tables';

const TRANSFERRED = 'backup_job_last_run_transferred_bytes';
const PROCESSED = 'backup_job_last_run_processed_objects';
const ORG = 'sum by (target, tenant)';
const ORG_LEGEND = '{{target}} {{tenant}}';

function perOrganization(m: Mixin, title: string, metric: string, unit: string, description: string) {
  return timeseries(title, [{ expr: `${ORG} (${sel(metric, m.job)})`, legend: ORG_LEGEND }], {
    description,
    unit,
    min: 0,
  });
}

function perJob(m: Mixin, title: string, metric: string, unit: string, description: string) {
  const expr = `max by (target, tenant, job_name) (${sel(metric, m.job)})`;
  return timeseries(title, [{ expr, legend: '{{target}} {{tenant}} {{job_name}}' }], { description, unit, min: 0 });
}

function sumStat(m: Mixin, title: string, metric: string, unit: string) {
  return stat(
    title,
    { expr: `sum(${sel(metric, m.job)})` },
    { description: "Sum of every job's last run.", unit, width: 6 },
  );
}

const users = (m: Mixin, protection: string) =>
  sel('backup_objects', m.target, 'tenant=~"$tenant"', 'object_type="user"', `protection="${protection}"`);

/** Users per organization: not backed up, backed up, and licences in use. */
function usersTable(m: Mixin) {
  const qs = [
    { expr: `${ORG} (${users(m, 'unprotected')})` },
    { expr: `${ORG} (${users(m, 'protected')})` },
    { expr: `${ORG} (${sel('backup_tenant_license_used_units', m.target, 'tenant=~"$tenant"')})` },
  ];
  return table('Users per organization', qs, {
    description:
      'Licensed users never backed up (BackupUsersUnprotected fires when some stay so for a day), users backed up, and the licences each organization uses.',
    value: ['Not backed up', 'Backed up', 'Licences used'],
    order: ['target', 'tenant'],
    hide: ['product'],
    sortDesc: true,
    thresholds: redFrom(1),
  });
}

function licence(m: Mixin): PanelBuilder[] {
  const unprotected = stat(
    'Users not backed up',
    { expr: `sum(${users(m, 'unprotected')})` },
    {
      description: 'Licensed users that no backup has processed yet.',
      width: 6,
      background: true,
      thresholds: redFrom(1),
    },
  );
  return [
    licenseUse(m, 'Licensed users used'),
    licenseTimeLeft(
      m,
      'backup_license_expiry_timestamp_seconds',
      'Licence expires in',
      'Time until the licence expires.',
    ),
    licenseTimeLeft(
      m,
      'backup_license_grace_expiry_timestamp_seconds',
      'Grace period ends in',
      'VB365 v7 and later: time until the grace period after the licence ends.',
    ),
    unprotected,
    licenseInfo(m),
    usersTable(m),
  ];
}

function proxies(m: Mixin): PanelBuilder[] {
  const comp = (metric: string, ...more: string[]) => sel(metric, m.target, 'component_type="proxy"', ...more);
  const ratio = (title: string, metric: string) =>
    timeseries(title, [{ expr: comp(metric), legend: '{{target}} {{component_name}}' }], {
      description: `${title} as the proxy reports it.`,
      unit: 'percentunit',
      min: 0,
      max: 1,
    });
  const notOnline = stat(
    'Proxies not online',
    { expr: `sum(${comp('backup_component_status', 'state!="online"')})` },
    {
      description: 'Proxies offline, in maintenance or in an unknown state (each proxy has exactly one state at 1).',
      width: 4,
      background: true,
      thresholds: redFrom(1),
    },
  );
  const states = table('Proxies', [{ expr: `${comp('backup_component_status')} == 1` }], {
    description: 'State of every backup proxy: online, offline, maintenance or unknown.',
    width: 20,
    hideValue: true,
    hide: ['product', 'component_type'],
    order: ['target', 'component_name', 'state', 'component_id'],
  });
  return [
    notOnline,
    states,
    ratio('Proxy CPU usage', 'backup_component_cpu_ratio'),
    ratio('Proxy memory usage', 'backup_component_memory_ratio'),
  ];
}

export function vb365(m: Mixin) {
  const d = dashboard(
    m,
    'backup-vb365',
    'Backup: Veeam Backup for Microsoft 365',
    'Jobs, transferred data and processed objects per organization; repositories, licence, users and proxies.',
  ).variables([
    datasourceVariable(),
    productConstant('veeam_m365'),
    ...targetVariables(m),
    ...jobVariables(m, 'Organization'),
  ]);
  const storagePerOrg = timeseries(
    'Storage used per organization',
    [{ expr: `${ORG} (${sel('backup_tenant_used_bytes', m.target, 'tenant=~"$tenant"')})`, legend: ORG_LEGEND }],
    { description: "Bytes each organization's backups use in the repositories.", unit: 'bytes', min: 0 },
  );
  return sections(d, [
    [
      'Summary',
      [
        jobCount(m, 'Jobs', 6),
        notSuccessfulCount(m, 6),
        sumStat(m, 'Transferred by the last runs', TRANSFERRED, 'bytes'),
        sumStat(m, 'Objects processed by the last runs', PROCESSED, 'short'),
      ],
    ],
    ['Jobs', [statusTable(m, 'Job status', false), sinceSuccessTable(m)]],
    ['Storage', [repositoryTable(m), repositoryStatus(m), storagePerOrg]],
    ['Licence and users', licence(m)],
    ['Proxies', proxies(m)],
    [
      'Per organization',
      [
        perOrganization(
          m,
          'Transferred bytes per organization',
          TRANSFERRED,
          'bytes',
          "Bytes transferred by the last run of the organization's jobs.",
        ),
        perOrganization(
          m,
          'Processed objects per organization',
          PROCESSED,
          'short',
          "Objects processed by the last run of the organization's jobs.",
        ),
        durationTimeseries(m, 'Longest last run per organization', 'target, tenant', ORG_LEGEND),
        warningsErrors(m),
      ],
    ],
    [
      'Per job',
      [
        perJob(
          m,
          'Transferred bytes per job',
          TRANSFERRED,
          'bytes',
          'Bytes transferred by the last run, as reported by VB365.',
        ),
        perJob(m, 'Processed objects per job', PROCESSED, 'short', 'Objects processed by the last run.'),
        durationTimeseries(m, 'Last run duration per job'),
      ],
    ],
  ]);
}
