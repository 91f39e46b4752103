// AhsayCBS: backup sets per backup user (tenant), files and bytes per kind of change, compression and
// deduplication savings, and each user's storage against their quota.
import {
  dashboard,
  datasourceVariable,
  jobVariables,
  type Mixin,
  type PanelBuilder,
  productConstant,
  sections,
  targetVariables,
  thresholds,
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

const FILES = 'backup_job_last_run_files';
const STORED = 'backup_job_last_run_files_stored_bytes';
const ORIGINAL = 'backup_job_last_run_files_original_bytes';
const DEDUPE_SAVED = 'backup_job_last_run_dedupe_saved_bytes';
const DEDUPE_ORIGINAL = 'backup_job_last_run_dedupe_original_bytes';
const BY_USER = 'sum by (target, tenant)';
const USER_LEGEND = '{{target}} {{tenant}}';

function byChange(m: Mixin, title: string, metric: string, unit: string, description: string) {
  const expr = `sum by (change) (${sel(metric, m.job)})`;
  return timeseries(title, [{ expr, legend: '{{change}}' }], { description, unit, min: 0 });
}

function perUser(
  m: Mixin,
  title: string,
  expr: (metric: (name: string) => string) => string,
  unit: string,
  description: string,
) {
  const q = expr((name) => `${BY_USER} (${sel(name, m.job)})`);
  return timeseries(title, [{ expr: q, legend: USER_LEGEND }], { description, unit, min: 0 });
}

function sumStat(m: Mixin, title: string, metric: string, description: string) {
  return stat(title, { expr: `sum(${sel(metric, m.job)})` }, { description, unit: 'bytes', width: 6 });
}

/** Each backup user's data against their quota (users without a quota have no ratio). */
function quotaTable(m: Mixin) {
  const used = sel('backup_tenant_used_bytes', m.target, 'tenant=~"$tenant"');
  const quota = sel('backup_tenant_quota_bytes', m.target, 'tenant=~"$tenant"');
  const alert = m.cfg.thresholds.tenantQuotaRatio;
  return table('Quota per backup user', [{ expr: `${used} / ${quota}` }, { expr: used }, { expr: quota }], {
    description: `DataSize against the user's quota; BackupTenantQuotaAlmostFull fires above ${100 * alert} %. Users without a quota show their data size only.`,
    value: ['Quota used', 'Data', 'Quota'],
    unit: 'percentunit',
    bar: true,
    units: { Data: 'bytes', Quota: 'bytes' },
    thresholds: thresholds([
      [null, 'green'],
      [Math.min(0.8, alert), 'orange'],
      [alert, 'red'],
    ]),
    hide: ['product'],
    order: ['target', 'tenant', 'Quota used', 'Data', 'Quota'],
    sortDesc: true,
  });
}

function storagePerUser(m: Mixin) {
  const t = (metric: string) => `${BY_USER} (${sel(metric, m.target, 'tenant=~"$tenant"')})`;
  return timeseries(
    'Data and retained data per backup user',
    [
      { expr: t('backup_tenant_used_bytes'), legend: `${USER_LEGEND} data` },
      { expr: t('backup_tenant_retained_bytes'), legend: `${USER_LEGEND} retained` },
    ],
    { description: "The user's DataSize and RetainSize (data kept for retention).", unit: 'bytes', min: 0 },
  );
}

function summary(m: Mixin): PanelBuilder[] {
  const stored = 'Bytes stored (after compression) by the last run of every backup set and destination.';
  return [
    jobCount(m, 'Backup sets', 6),
    notSuccessfulCount(m, 6),
    sumStat(m, 'Stored by the last runs', STORED, stored),
    sumStat(m, 'Saved by deduplication', DEDUPE_SAVED, 'DedupeSaving of the last runs.'),
  ];
}

function changes(m: Mixin): PanelBuilder[] {
  const files = 'NumOf…Files of the last runs: new, updated, permission_updated, deleted, moved, copied.';
  return [
    byChange(m, 'Files per kind of change', FILES, 'short', files),
    byChange(m, 'Stored bytes per kind of change', STORED, 'bytes', 'Total…Size of the last runs (after compression).'),
    byChange(
      m,
      'Original bytes per kind of change',
      ORIGINAL,
      'bytes',
      'TotalUnzip…Size of the last runs (before compression).',
    ),
    perUser(
      m,
      'Stored bytes per backup user',
      (s) => s(STORED),
      'bytes',
      "Bytes stored by the last runs of the user's backup sets.",
    ),
  ];
}

function savings(m: Mixin): PanelBuilder[] {
  const compression = 'Share of the original bytes that compression did not have to store (1 − stored / original).';
  return [
    perUser(
      m,
      'Compression savings per backup user',
      (s) => `1 - ${s(STORED)} / ${s(ORIGINAL)}`,
      'percentunit',
      compression,
    ),
    perUser(
      m,
      'Deduplication savings per backup user',
      (s) => `${s(DEDUPE_SAVED)} / ${s(DEDUPE_ORIGINAL)}`,
      'percentunit',
      'DedupeSaving / DedupeOriginalSize of the last runs.',
    ),
  ];
}

export function ahsay(m: Mixin) {
  const d = dashboard(
    m,
    'backup-ahsay',
    'Backup: AhsayCBS',
    'Backup sets per backup user: files and bytes per kind of change, compression, deduplication and quotas.',
  ).variables([
    datasourceVariable(),
    productConstant('ahsay'),
    ...targetVariables(m),
    ...jobVariables(m, 'Backup user'),
  ]);
  return sections(d, [
    ['Summary', summary(m)],
    ['Backup sets', [statusTable(m, 'Backup set status', false), sinceSuccessTable(m)]],
    ['Storage and quotas', [quotaTable(m), storagePerUser(m)]],
    ['Changes', changes(m)],
    ['Savings', savings(m)],
    ['Runs', [durationTimeseries(m, 'Last run duration per backup set'), warningsErrors(m)]],
  ]);
}
