// Storage, licence and protection-coverage panels (contract 4.4 to 4.6), shared by the overview and the product
// dashboards. Repository figures exist only where the product reports a capacity (VB365; Veeam Azure's blob
// repositories have none), so every fill and trend query is limited to repositories with a capacity.
import { type Mixin, thresholds } from './common';
import { sel } from './promql';
import { barGauge, gauge, table } from './tables';
import { stat } from './panels';
import { MappingType, type ValueMapping } from '@grafana/grafana-foundation-sdk/dashboard';

const DAY = 86400;
/** "Full in" values at or above this (about ten years) read as "not filling up". */
export const NOT_FILLING = 3e8;
const REPO = 'target, product, repository_id, repository_name';

export const repo = (m: Mixin, metric: string) => sel(metric, m.target);

/** Free bytes; object storage that reports only its used bytes counts capacity − used. */
export function freeBytes(m: Mixin): string {
  const cap = repo(m, 'backup_repository_capacity_bytes');
  return `(${repo(m, 'backup_repository_free_bytes')} or (${cap} - ${repo(m, 'backup_repository_used_bytes')}))`;
}

/** Used share of the capacity, 0..1. */
export function usedRatio(m: Mixin): string {
  return `1 - ${freeBytes(m)} / ${repo(m, 'backup_repository_capacity_bytes')}`;
}

/**
 * Seconds until the linear trend of the free space reaches zero, capped at NOT_FILLING. The trend falls below
 * one byte per 1000 s only for a repository that does not fill up, which then reads as the cap.
 */
export function secondsToFull(m: Mixin): string {
  const w = m.cfg.thresholds.repositoryTrendWindow;
  const free = repo(m, 'backup_repository_free_bytes');
  const used = repo(m, 'backup_repository_used_bytes');
  const cap = repo(m, 'backup_repository_capacity_bytes');
  const byFree = `${free} / clamp_min(-deriv(${free}[${w}]), 0.001)`;
  const byUsed = `(${cap} - ${used}) / clamp_min(deriv(${used}[${w}]), 0.001)`;
  return `clamp_max(${byFree} or ${byUsed}, ${NOT_FILLING}) and ${cap} > 0`;
}

const NOT_FILLING_TEXT: ValueMapping[] = [
  { type: MappingType.RangeToText, options: { from: NOT_FILLING, to: null, result: { text: 'not filling up' } } },
];

/** Green, orange from the warning level of fill on, red from the alert's level. */
function fillThresholds(m: Mixin) {
  const alert = 1 - m.cfg.thresholds.repositoryFreeRatio;
  return thresholds([
    [null, 'green'],
    [Math.min(0.8, alert), 'orange'],
    [alert, 'red'],
  ]);
}

export function fullestRepositories(m: Mixin) {
  return barGauge(
    'Fullest repositories',
    { expr: `topk(5, ${usedRatio(m)})`, legend: '{{target}} {{repository_name}}' },
    {
      description: `Used share of the repositories with a known capacity (VB365). Red from ${100 * (1 - m.cfg.thresholds.repositoryFreeRatio)} % used, where BackupRepositoryAlmostFull fires.`,
      min: 0,
      max: 1,
      thresholds: fillThresholds(m),
    },
  );
}

export function fillingFirst(m: Mixin) {
  return table('Repositories filling up first', [{ expr: `bottomk(5, ${secondsToFull(m)})` }], {
    description: `Time until the repository is full at the rate of the past ${m.cfg.thresholds.repositoryTrendWindow} (linear trend); BackupRepositoryFillingUp fires below ${m.cfg.thresholds.repositoryFullWithinDays} days.`,
    width: 8,
    unit: 's',
    value: 'Full in',
    order: ['target', 'repository_name'],
    hide: ['product', 'repository_id'],
    mappings: NOT_FILLING_TEXT,
    thresholds: daysThresholds(
      m.cfg.thresholds.repositoryFullWithinDays,
      2 * m.cfg.thresholds.repositoryFullWithinDays,
    ),
  });
}

/** Red below `critical` days, orange below `warning` days, then green. */
function daysThresholds(critical: number, warning: number) {
  return thresholds([
    [null, 'red'],
    [critical * DAY, 'orange'],
    [warning * DAY, 'green'],
  ]);
}

export function repositoryTable(m: Mixin) {
  const qs = [
    { expr: usedRatio(m) },
    { expr: repo(m, 'backup_repository_capacity_bytes') },
    { expr: freeBytes(m) },
    { expr: secondsToFull(m) },
  ];
  return table('Repositories', qs, {
    description: 'Used share, capacity, free space and the time until full at the current trend, per repository.',
    width: 24,
    value: ['Used', 'Capacity', 'Free', 'Full in'],
    unit: 'percentunit',
    bar: true,
    thresholds: fillThresholds(m),
    units: { Capacity: 'bytes', Free: 'bytes', 'Full in': 's' },
    mappings: NOT_FILLING_TEXT,
    order: ['target', 'repository_name', 'Used', 'Capacity', 'Free', 'Full in'],
    hide: ['product', 'repository_id'],
    sortDesc: true,
  });
}

export function repositoryStatus(m: Mixin, width = 12) {
  const info = `max by (${REPO}, repository_type, storage_tier, immutable) (${repo(m, 'backup_repository_info')})`;
  const status = `max by (${REPO}, state) (${repo(m, 'backup_repository_status')} == 1)`;
  const expr = `${status} * on (target, repository_id) group_left (repository_type, storage_tier, immutable) ${info} or ${status}`;
  return table('Repository status', [{ expr }], {
    description:
      'State of every repository (ok, warning, failed, unknown) with its type, storage tier and immutability.',
    width,
    hideValue: true,
    hide: ['product', 'repository_id'],
    order: ['target', 'repository_name', 'state', 'repository_type', 'storage_tier', 'immutable'],
  });
}

/** Licence units used / capacity, one value per target (only where the licence has a capacity). */
export function licenseUse(m: Mixin, title: string, width = 6) {
  const used = `max by (target) (${sel('backup_license_used_units', m.target)})`;
  const cap = `max by (target) (${sel('backup_license_capacity_units', m.target)})`;
  const warn = Math.min(0.9, m.cfg.thresholds.licenseUsedRatio);
  return gauge(
    title,
    { expr: `${used} / ${cap}`, legend: '{{target}}' },
    {
      description: `Used licence units / licensed units. BackupLicenseUnitsExhausted fires from ${100 * m.cfg.thresholds.licenseUsedRatio} %. Metered and external licences have no capacity and show nothing here.`,
      width,
      thresholds: thresholds([
        [null, 'green'],
        [warn, 'orange'],
        [m.cfg.thresholds.licenseUsedRatio, 'red'],
      ]),
    },
  );
}

export function licenseTimeLeft(m: Mixin, metric: string, title: string, description: string, width = 6) {
  const t = m.cfg.thresholds;
  return stat(
    title,
    { expr: `min by (target) (${sel(metric, m.target)}) - time()`, legend: '{{target}}' },
    {
      description,
      unit: 's',
      width,
      background: true,
      thresholds: daysThresholds(t.licenseCriticalDays, t.licenseWarningDays),
    },
  );
}

export function licenseTimeLeftBars(m: Mixin) {
  const t = m.cfg.thresholds;
  const expr = `min by (target, product) (${sel('backup_license_expiry_timestamp_seconds', m.target)}) - time()`;
  return barGauge(
    'Licence time left',
    { expr, legend: '{{target}}' },
    {
      description: `Time until each licence expires. Orange below ${t.licenseWarningDays} days, red below ${t.licenseCriticalDays} (the BackupLicenseExpiring alert).`,
      unit: 's',
      min: 0,
      max: 90 * DAY,
      thresholds: daysThresholds(t.licenseCriticalDays, t.licenseWarningDays),
    },
  );
}

export function licenseInfo(m: Mixin, width = 12) {
  return table('Licence', [{ expr: sel('backup_license_info', m.target) }], {
    description: 'Licence type and, for VB365, its status as the server reports it.',
    width,
    height: 6,
    hideValue: true,
    order: ['target', 'product', 'license_type', 'vendor_status'],
  });
}

/** Protected share of the objects each product knows about, per target and object type. */
export function coverageBars(m: Mixin, title: string, description: string, width = 8) {
  const by = 'sum by (target, object_type)';
  const expr = `${by} (${sel('backup_objects', m.target, 'protection="protected"')}) / ${by} (${sel('backup_objects', m.target)})`;
  return barGauge(
    title,
    { expr, legend: '{{target}} {{object_type}}' },
    {
      description,
      width,
      min: 0,
      max: 1,
      thresholds: thresholds([
        [null, 'red'],
        [0.5, 'orange'],
        [0.95, 'green'],
      ]),
    },
  );
}
