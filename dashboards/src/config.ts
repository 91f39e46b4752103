// The monitoring settings: the one object that fits the dashboards and alert rules to a Prometheus setup, the way
// monitoring mixins do it. The shipped files (dashboards/*.json, alerts/backup-exporter.yml and
// examples/kubernetes/prometheusrule.yaml) are generated from DEFAULTS; a user generates their own with
// `npm run monitoring -- --config my-settings.json --out dir`, giving only the keys they change.
import { parser } from '@prometheus-io/lezer-promql';
import { z } from 'zod';

/** Label matchers as written inside `{...}`, e.g. `job="backup"`; empty matches every series. */
const matchers = z.string().refine(isMatcherList, 'must be PromQL label matchers such as job="backup"');
const duration = z.string().regex(/^(\d+(ms|s|m|h|d|w|y))+$/, 'must be a Prometheus duration such as 15m or 1d');
const ratio = z.number().min(0).max(1);
const positive = z.number().positive();

const Selectors = z.strictObject({
  // Selects the scrapes of the exporter's /metrics: its own metrics (backup_exporter_*) and the `up` series
  // that BackupExporterDown watches. The README's jobs are `backup` (/metrics with every target) and
  // `backup-exporter` (self-metrics next to /probe scrapes).
  exporter: matchers.default('job=~"backup|backup-exporter"'),
  // Selects the target series (backup_target_*, backup_job_*, ...). The README's jobs are `backup` and
  // `backup-targets` (/probe; the sharded example has one job per shard: backup-targets-0, -1, ...).
  targets: matchers.default('job=~"backup|backup-targets.*"'),
});

const Thresholds = z.strictObject({
  // BackupCollectionNearTimeout: share of the deadline a collection may use.
  collectionNearTimeoutRatio: ratio.default(0.8),
  // BackupJobNoRecentSuccess for jobs without their own backup_job:expected_interval_seconds; also where the
  // "time since last success" tables turn orange (red at twice this).
  jobExpectedIntervalHours: positive.default(26),
  // BackupJobRunningTooLong.
  jobRunningTooLongHours: positive.default(8),
  // BackupLogExportStalled: no progress for this long, or processing for longer than the maximum age.
  logExportStalledAfter: duration.default('1h'),
  logExportMaxAge: duration.default('6h'),
  // BackupRepositoryAlmostFull: free / capacity below this.
  repositoryFreeRatio: ratio.default(0.1),
  // BackupRepositoryFillingUp: the linear trend over `repositoryTrendWindow` reaches zero free space within
  // this many days.
  repositoryFullWithinDays: positive.default(4),
  repositoryTrendWindow: duration.default('1d'),
  // BackupTenantQuotaAlmostFull (AhsayCBS): used / quota above this.
  tenantQuotaRatio: ratio.default(0.9),
  // BackupLicenseExpiring: warning and critical lead times.
  licenseWarningDays: positive.default(30),
  licenseCriticalDays: positive.default(7),
  // BackupLicenseUnitsExhausted: used / capacity at or above this (1 = every unit is used).
  licenseUsedRatio: ratio.default(1),
  // BackupObjectsUnprotected (Veeam Azure): unprotected / all objects of a type at or above this. Veeam counts a
  // workload as unprotected when no policy protected it during the past week, deliberately excluded VMs
  // included, so the default (1) only fires when nothing of a type was protected for a week. Lower it when
  // every workload of yours is meant to be protected.
  azureUnprotectedRatio: ratio.default(1),
});

const For = z.strictObject({
  exporterDown: duration.default('5m'),
  targetDown: duration.default('10m'),
  collectorFailing: duration.default('15m'),
  // How long alerts over job, storage, licence, coverage and component series keep firing while those series
  // are missing (a failed collector leaves them out instead of reporting stale values).
  keepFiring: duration.default('30m'),
  // BackupUsersUnprotected: licensed VB365 users never backed up, for this long.
  usersUnprotected: duration.default('1d'),
  componentOffline: duration.default('15m'),
  componentMaintenance: duration.default('24h'),
});

const Grafana = z.strictObject({
  // Uid (or name) of the Prometheus data source the dashboards open with. Omitted: the dashboards are in
  // Grafana's import form and the import dialog asks for one (input DS_PROMETHEUS).
  datasource: z.string().min(1).optional(),
  // Shared by every dashboard; the "Backup dashboards" link menu lists the dashboards with the first tag.
  tags: z.array(z.string().min(1)).min(1).default(['backup-exporter']),
  refresh: duration.default('1m'),
  timeFrom: z.string().default('now-24h'),
  timezone: z.string().default('browser'),
});

export const SettingsSchema = z.strictObject({
  selectors: Selectors.prefault({}),
  // runbook_url of every alert: this URL, `#`, and the alert name in lower case.
  runbookUrl: z.url().default('https://github.com/backup-exporter/backup-exporter/blob/main/docs/runbook.md'),
  thresholds: Thresholds.prefault({}),
  for: For.prefault({}),
  grafana: Grafana.prefault({}),
});

/** What a user writes: every key optional. */
export type MonitoringSettings = z.input<typeof SettingsSchema>;
/** The complete settings the generator works with. */
export type MonitoringConfig = z.output<typeof SettingsSchema>;

export const DEFAULTS: MonitoringConfig = SettingsSchema.parse({});

/** Complete settings from a user's (partial) ones; throws one line per problem, naming the key path. */
export function resolveSettings(settings: unknown): MonitoringConfig {
  const r = SettingsSchema.safeParse(settings ?? {});
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
  throw new Error(`invalid monitoring settings:\n${lines.join('\n')}`);
}

function isMatcherList(s: string): boolean {
  if (s.trim() === '') return true;
  if (/[{}]/.test(s)) return false;
  let ok = true;
  parser.parse(`up{${s}}`).iterate({
    enter: (n) => {
      if (n.type.isError) ok = false;
    },
  });
  return ok;
}
