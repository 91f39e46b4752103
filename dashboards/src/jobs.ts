// Job panels shared by the overview and the product dashboards (veeam_m365, veeam_azure, ahsay).
import { ageThresholds, fixedColour, JOB, JOB_ID, STATUS_COLOURS, thresholds } from './common';
import { stat, table, timeseries } from './panels';

/** States that are not a success right now (running is neither good nor bad yet). */
export const NOT_OK = 'failed|warning|stopped|none|unknown';
const ORDER = ['target', 'product', 'tenant', 'job_name', 'job_type', 'destination_id', 'status'];

export function jobCount(title = 'Jobs', width = 4) {
  // Every job exports the whole state set, so one state's series count is the number of jobs.
  return stat(
    title,
    { expr: `count(backup_job_status{${JOB}, status="success"}) or vector(0)` },
    {
      description: 'Jobs seen by the exporter (after the include/exclude filters), one per job identity.',
      width,
    },
  );
}

export function notSuccessfulCount(width = 4) {
  return stat(
    'Not successful now',
    { expr: `count(backup_job_status{${JOB}, status=~"${NOT_OK}"} == 1) or vector(0)` },
    {
      description: 'Jobs whose last run failed, warned, was stopped, is unknown, or which have no run within lookback.',
      width,
      background: true,
      thresholds: thresholds([
        [null, 'green'],
        [1, 'red'],
      ]),
    },
  );
}

export function jobsByStatus(width = 12) {
  const b = stat(
    'Jobs by status',
    { expr: `count by (status) (backup_job_status{${JOB}} == 1)`, legend: '{{status}}' },
    {
      description: 'Number of jobs per state of their last run.',
      width,
    },
  );
  for (const [status, colour] of Object.entries(STATUS_COLOURS)) b.overrideByName(status, fixedColour(colour));
  return b;
}

export function statusTable(title: string, onlyNotOk: boolean, width = 12) {
  const filter = onlyNotOk ? `, status=~"${NOT_OK}"` : '';
  return table(title, [{ expr: `backup_job_status{${JOB}${filter}} == 1` }], {
    description: onlyNotOk
      ? 'Jobs whose last run is not a success right now. `none`: no run within the lookback window.'
      : 'State of the last run of every job.',
    width,
    hideValue: true,
    hide: ['job_id'],
    order: ORDER,
  });
}

export function sinceSuccessTable(width = 12) {
  return table(
    'Time since last success',
    [{ expr: `time() - max by (${JOB_ID}) (backup_job_last_success_timestamp_seconds{${JOB}})` }],
    {
      description:
        'Worst first. Orange after 26 h (the default of the BackupJobNoRecentSuccess alert), red after 48 h. Jobs without any success within lookback are listed in "Not successful now" (state none) instead.',
      width,
      unit: 's',
      value: 'Since last success',
      sortDesc: true,
      thresholds: ageThresholds(),
      hide: ['job_id'],
      order: ORDER,
    },
  );
}

export function durationTimeseries(
  title: string,
  by = 'target, tenant, job_name, destination_id',
  legend = '{{target}} {{tenant}} {{job_name}}',
) {
  return timeseries(title, [{ expr: `max by (${by}) (backup_job_last_run_duration_seconds{${JOB}})`, legend }], {
    description: 'Duration of the last run (end − start; for a running job, now − start).',
    unit: 's',
  });
}

export function warningsErrors(legend = '{{target}} {{tenant}} {{job_name}}') {
  const by = 'target, tenant, job_name, destination_id';
  return timeseries(
    'Warnings and errors of the last run',
    [
      { expr: `max by (${by}) (backup_job_last_run_errors{${JOB}})`, legend: `${legend} errors` },
      { expr: `max by (${by}) (backup_job_last_run_warnings{${JOB}})`, legend: `${legend} warnings` },
    ],
    { description: 'Error and warning entries of the last run of each job.', min: 0 },
  );
}
