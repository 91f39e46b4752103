// Job panels shared by the overview and the product dashboards (veeam_m365, veeam_azure, ahsay). Like the alerts,
// they leave disabled jobs out of everything that reads as "not successful".
import { ageThresholds, fixedColour, HOUR, type Mixin, redFrom, STATUS_COLOURS } from './common';
import { JOB_IDENTITY, sel } from './promql';
import { stat, timeseries } from './panels';
import { table } from './tables';

/** States that are not a success right now (running is neither good nor bad yet). */
export const NOT_OK = 'failed|warning|stopped|none|unknown';
const ORDER = ['target', 'product', 'tenant', 'job_name', 'job_type', 'destination_id', 'status'];
/** The labels people read, by which job series are grouped (one row or line per job). */
const JOB_LABELS = `${JOB_IDENTITY}, product, job_name, job_type`;

/** `expr` without the jobs the API reports as disabled. */
export function enabledOnly(m: Mixin, expr: string): string {
  return `${expr} unless on (${JOB_IDENTITY}) (${sel('backup_job_enabled', m.job)} == 0)`;
}

export function jobCount(m: Mixin, title = 'Jobs', width = 4) {
  // Grouping by the identity counts each job once, whatever its states and however many scrape jobs store it.
  return stat(
    title,
    { expr: `count(group by (${JOB_IDENTITY}) (${sel('backup_job_status', m.job)})) or vector(0)` },
    {
      description: 'Jobs seen by the exporter (after the include/exclude filters), one per job identity.',
      width,
    },
  );
}

export function notSuccessfulCount(m: Mixin, width = 4) {
  const bad = enabledOnly(m, `${sel('backup_job_status', m.job, `status=~"${NOT_OK}"`)} == 1`);
  return stat(
    'Not successful now',
    { expr: `count(group by (${JOB_IDENTITY}) (${bad})) or vector(0)` },
    {
      description:
        'Enabled jobs whose last run failed, warned, was stopped, is unknown, or which have no run within lookback. Disabled jobs are left out, as in the alerts.',
      width,
      background: true,
      thresholds: redFrom(1),
    },
  );
}

export function jobsByStatus(m: Mixin, width = 12) {
  const byStatus = `count by (status) (group by (${JOB_IDENTITY}, status) (${enabledOnly(m, `${sel('backup_job_status', m.job)} == 1`)}))`;
  const disabled = `label_replace(count(group by (${JOB_IDENTITY}) (${sel('backup_job_enabled', m.job)} == 0)), "status", "disabled", "", "")`;
  const b = stat(
    'Jobs by status',
    { expr: `${byStatus} or ${disabled}`, legend: '{{status}}' },
    {
      description: 'Enabled jobs per state of their last run, and the disabled jobs (whatever their last run).',
      width,
    },
  );
  for (const [status, colour] of Object.entries(STATUS_COLOURS)) b.overrideByName(status, fixedColour(colour));
  return b;
}

export function statusTable(m: Mixin, title: string, onlyNotOk: boolean, width = 12) {
  const expr = onlyNotOk
    ? enabledOnly(m, `${sel('backup_job_status', m.job, `status=~"${NOT_OK}"`)} == 1`)
    : `${sel('backup_job_status', m.job)} == 1`;
  return table(title, [{ expr }], {
    description: onlyNotOk
      ? 'Enabled jobs whose last run is not a success right now. `none`: no run within the lookback window.'
      : 'State of the last run of every job, disabled ones included.',
    width,
    hideValue: true,
    hide: ['job_id'],
    order: ORDER,
  });
}

export function sinceSuccessTable(m: Mixin, width = 12) {
  const interval = m.cfg.thresholds.jobExpectedIntervalHours;
  const age = `time() - max by (${JOB_LABELS}) (${sel('backup_job_last_success_timestamp_seconds', m.job)})`;
  return table('Time since last success', [{ expr: enabledOnly(m, age) }], {
    description: `Worst first; disabled jobs left out. Orange after ${interval} h (the default expected interval of the BackupJobNoRecentSuccess alert), red after ${2 * interval} h. Jobs without any success within lookback are listed in "Not successful now" (state none) instead.`,
    width,
    unit: 's',
    value: 'Since last success',
    sortDesc: true,
    thresholds: ageThresholds(interval * HOUR, 2 * interval * HOUR),
    hide: ['job_id'],
    order: ORDER,
  });
}

export function durationTimeseries(
  m: Mixin,
  title: string,
  by = 'target, tenant, job_name, destination_id',
  legend = '{{target}} {{tenant}} {{job_name}}',
) {
  const expr = `max by (${by}) (${sel('backup_job_last_run_duration_seconds', m.job)})`;
  return timeseries(title, [{ expr, legend }], {
    description: 'Duration of the last run (end − start; for a running job, now − start).',
    unit: 's',
  });
}

export function warningsErrors(m: Mixin, legend = '{{target}} {{tenant}} {{job_name}}') {
  const by = 'target, tenant, job_name, destination_id';
  return timeseries(
    'Warnings and errors of the last run',
    [
      { expr: `max by (${by}) (${sel('backup_job_last_run_errors', m.job)})`, legend: `${legend} errors` },
      { expr: `max by (${by}) (${sel('backup_job_last_run_warnings', m.job)})`, legend: `${legend} warnings` },
    ],
    { description: 'Error and warning entries of the last run of each job.', min: 0 },
  );
}
