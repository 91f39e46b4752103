// Which alerts the demo's data justifies, computed from the raw series (not from the rules' expressions), and which
// ones a Prometheus has pending or firing.
import type { PrometheusServer } from './prometheus-server';

type Labels = Record<string, string>;
const ID = ['target', 'tenant', 'job_id', 'destination_id'] as const;
export const jobKey = (m: Labels) => ID.map((l) => m[l] ?? '').join('|');
const exportKey = (m: Labels) => `${m.target}|${m.server_id}`;
const exporterKey = (m: Labels) => `${m.job}|${m.instance}`;
const targetKey = (m: Labels) => m.target ?? '';

/** How an alert's series are identified, by alert name (job alerts by the job identity). */
export const KEYS: Record<string, (m: Labels) => string> = {
  BackupTargetDown: targetKey,
  BackupLogExportFailed: exportKey,
  BackupExporterDown: exporterKey,
};
const keyOf = (name: string) => KEYS[name] ?? jobKey;

/** Alerts that must be pending or firing now, and those that may be (keep_firing_for holds them 30 m). */
export async function expectedAlerts(prom: PrometheusServer, deadExporter?: string) {
  const keys = async (expr: string, k: (m: Labels) => string) =>
    [...new Set((await prom.query(expr)).map((s) => k(s.metric)))].sort();
  const disabled = new Set(await keys('backup_job_enabled == 0', jobKey));
  const jobsIn = async (expr: string) => (await keys(expr, jobKey)).filter((k) => !disabled.has(k));
  const succeeded = new Set(await keys('backup_job_last_success_timestamp_seconds', jobKey));
  const expected: Record<string, string[]> = {
    BackupJobFailed: await jobsIn('backup_job_status{status="failed"} == 1'),
    BackupJobWarning: await jobsIn('backup_job_status{status="warning"} == 1'),
    BackupJobNoSuccessInLookback: (await jobsIn('backup_job_status')).filter((k) => !succeeded.has(k)),
    BackupTargetDown: await keys('backup_target_up == 0', targetKey),
    BackupLogExportFailed: await keys('backup_log_export_status{state="failed"} == 1', exportKey),
    BackupExporterDown: (await keys('up == 0', exporterKey)).filter((k) => k.endsWith(`|${deadExporter}`)),
  };
  const allowed: Record<string, string[]> = {
    ...expected,
    BackupJobFailed: await jobsIn('max_over_time(backup_job_status{status="failed"}[5m]) == 1'),
    BackupJobWarning: await jobsIn('max_over_time(backup_job_status{status="warning"}[5m]) == 1'),
  };
  return { expected, allowed };
}

/** Pending or firing alerts of the given names, as keys. */
export async function activeAlerts(prom: PrometheusServer, names: string[]): Promise<Record<string, string[]>> {
  type Alerts = { alerts: Array<{ labels: Labels; state: string }> };
  const { alerts } = await prom.api<Alerts>('/api/v1/alerts');
  const got: Record<string, string[]> = {};
  for (const name of names)
    got[name] = alerts
      .filter((a) => a.labels.alertname === name && ['pending', 'firing'].includes(a.state))
      .map((a) => keyOf(name)(a.labels))
      .sort();
  return got;
}

export function missing(expected: Record<string, string[]>, got: Record<string, string[]>): string[] {
  return Object.entries(expected).flatMap(([n, ks]) => ks.filter((k) => !got[n]?.includes(k)).map((k) => `${n} ${k}`));
}

export function unexpected(allowed: Record<string, string[]>, got: Record<string, string[]>): string[] {
  return Object.entries(got).flatMap(([n, ks]) => ks.filter((k) => !allowed[n]?.includes(k)).map((k) => `${n} ${k}`));
}
