// Veeam Backup for Microsoft 365: jobs per organization (tenant), what they moved and how long they took, the
// repositories they fill, the licence, the users no backup covers yet and the backup proxies.
import { repositoryStatus, repositoryTable } from './capacity';
import {
  dashboard,
  datasourceVariable,
  jobVariables,
  type Mixin,
  type PanelBuilder,
  productConstant,
  type Section,
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
import { licence, proxies } from './vb365-infra';

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

function jobSections(m: Mixin): Section[] {
  const transferred = "Bytes transferred by the last run of the organization's jobs.";
  const processed = "Objects processed by the last run of the organization's jobs.";
  return [
    [
      'Per organization',
      [
        perOrganization(m, 'Transferred bytes per organization', TRANSFERRED, 'bytes', transferred),
        perOrganization(m, 'Processed objects per organization', PROCESSED, 'short', processed),
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
  ];
}

function storage(m: Mixin): PanelBuilder[] {
  const used = `${ORG} (${sel('backup_tenant_used_bytes', m.target, 'tenant=~"$tenant"')})`;
  const perOrg = timeseries('Storage used per organization', [{ expr: used, legend: ORG_LEGEND }], {
    description: "Bytes each organization's backups use in the repositories.",
    unit: 'bytes',
    min: 0,
  });
  return [repositoryTable(m), repositoryStatus(m), perOrg];
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
  const summary = [
    jobCount(m, 'Jobs', 6),
    notSuccessfulCount(m, 6),
    sumStat(m, 'Transferred by the last runs', TRANSFERRED, 'bytes'),
    sumStat(m, 'Objects processed by the last runs', PROCESSED, 'short'),
  ];
  return sections(d, [
    ['Summary', summary],
    ['Jobs', [statusTable(m, 'Job status', false), sinceSuccessTable(m)]],
    ['Storage', storage(m)],
    ['Licence and users', licence(m)],
    ['Proxies', proxies(m)],
    ...jobSections(m),
  ]);
}
