// Backup overview: every product on one page, worst news first: what failed, then what will fail next (full
// repositories and quotas, expiring licences, unprotected objects), then the details.
import { coverageBars, fillingFirst, fullestRepositories, licenseTimeLeftBars } from './capacity';
import {
  dashboard,
  datasourceVariable,
  jobVariables,
  type Mixin,
  productVariable,
  redFrom,
  sections,
  targetVariables,
  thresholds,
  UP_MAPPING,
} from './common';
import {
  durationTimeseries,
  jobCount,
  jobsByStatus,
  notSuccessfulCount,
  sinceSuccessTable,
  statusTable,
  warningsErrors,
} from './jobs';
import { stat, timeseries } from './panels';
import { sel } from './promql';
import { barGauge, table } from './tables';

function targetsDown(m: Mixin) {
  return stat(
    'Targets down',
    { expr: `count(${sel('backup_target_up', m.target)} == 0) or vector(0)` },
    {
      description: 'Targets whose login, version detection or inventory failed in the last collection.',
      background: true,
      thresholds: redFrom(1),
    },
  );
}

function targetTable(m: Mixin) {
  return table('Targets', [{ expr: `max by (target, product) (${sel('backup_target_up', m.target)})` }], {
    description: 'Up or down per target. A down target emits no job series: see the exporter health dashboard for why.',
    value: 'State',
    mappings: UP_MAPPING,
    thresholds: thresholds([
      [null, 'red'],
      [1, 'green'],
    ]),
    order: ['target', 'product'],
  });
}

function failedCollectors(m: Mixin) {
  const expr = `sum by (target) (${sel('backup_target_collector_success', m.target)} == bool 0)`;
  return timeseries('Failed collectors per target', [{ expr, legend: '{{target}}' }], {
    description:
      'Parts of a collection that failed (0 = all good). A failed part leaves out the series that depend on it.',
    min: 0,
  });
}

/** Licence units used / capacity per target (only licences with a capacity). */
function licenseUnits(m: Mixin) {
  const used = `max by (target) (${sel('backup_license_used_units', m.target)})`;
  const cap = `max by (target) (${sel('backup_license_capacity_units', m.target)})`;
  const full = m.cfg.thresholds.licenseUsedRatio;
  return barGauge(
    'Licence units used',
    { expr: `${used} / ${cap}`, legend: '{{target}}' },
    {
      description: `Licensed users (VB365) or instances (Veeam Azure) in use / licensed. BackupLicenseUnitsExhausted fires from ${100 * full} %.`,
      min: 0,
      max: 1,
      thresholds: thresholds([
        [null, 'green'],
        [Math.min(0.9, full), 'orange'],
        [full, 'red'],
      ]),
    },
  );
}

/** AhsayCBS backup users closest to their quota. */
function fullestQuotas(m: Mixin) {
  const ratio = `${sel('backup_tenant_used_bytes', m.target)} / ${sel('backup_tenant_quota_bytes', m.target)}`;
  const alert = m.cfg.thresholds.tenantQuotaRatio;
  return barGauge(
    'Fullest quotas',
    { expr: `topk(5, ${ratio})`, legend: '{{target}} {{tenant}}' },
    {
      description: `AhsayCBS backup users closest to their quota (data size / quota). BackupTenantQuotaAlmostFull fires above ${100 * alert} %.`,
      min: 0,
      max: 1,
      thresholds: thresholds([
        [null, 'green'],
        [Math.min(0.8, alert), 'orange'],
        [alert, 'red'],
      ]),
    },
  );
}

export function overview(m: Mixin) {
  const d = dashboard(
    m,
    'backup-overview',
    'Backup overview',
    'Backup jobs, storage and licences of every product and target on one page.',
  ).variables([datasourceVariable(), productVariable(m), ...targetVariables(m), ...jobVariables(m)]);
  const coverage = coverageBars(
    m,
    'Protection coverage',
    'Share of the objects each product knows about that a backup processed: VB365 licensed users backed up; Veeam Azure workloads protected during the past week (excluded ones count as unprotected).',
  );
  return sections(d, [
    ['Summary', [targetsDown(m), jobCount(m), notSuccessfulCount(m), jobsByStatus(m)]],
    [
      'Capacity and licences',
      [fullestRepositories(m), fillingFirst(m), licenseTimeLeftBars(m), licenseUnits(m), coverage, fullestQuotas(m)],
    ],
    [
      'Jobs',
      [
        statusTable(m, 'Jobs not successful now', true),
        sinceSuccessTable(m),
        durationTimeseries(m, 'Last run duration'),
        warningsErrors(m),
      ],
    ],
    ['Targets', [targetTable(m), failedCollectors(m)]],
  ]);
}
