// Veeam Backup for Microsoft 365: jobs per organization (tenant), what they moved and how long they took.
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { dashboard, datasourceVariable, JOB, jobVariables, productConstant, targetVariable } from './common';
import {
  durationTimeseries,
  jobCount,
  notSuccessfulCount,
  sinceSuccessTable,
  statusTable,
  warningsErrors,
} from './jobs';
import { stat, timeseries } from './panels';

const PER_JOB = 'target, tenant, job_name';
const JOB_LEGEND = '{{target}} {{tenant}} {{job_name}}';

function perOrganization(title: string, metric: string, unit: string, description: string) {
  return timeseries(title, [{ expr: `sum by (target, tenant) (${metric}{${JOB}})`, legend: '{{target}} {{tenant}}' }], {
    description,
    unit,
    min: 0,
  });
}

function perJob(title: string, metric: string, unit: string, description: string) {
  return timeseries(title, [{ expr: `max by (${PER_JOB}) (${metric}{${JOB}})`, legend: JOB_LEGEND }], {
    description,
    unit,
    min: 0,
  });
}

export function vb365() {
  const transferred = 'backup_job_last_run_transferred_bytes';
  const processed = 'backup_job_last_run_processed_objects';
  return dashboard(
    'backup-vb365',
    'Backup: Veeam Backup for Microsoft 365',
    'Jobs, transferred data and processed objects per organization.',
  )
    .variables([datasourceVariable(), productConstant('veeam_m365'), targetVariable(), ...jobVariables('Organization')])
    .withRow(new RowBuilder('Summary'))
    .withPanel(jobCount('Jobs', 6))
    .withPanel(notSuccessfulCount(6))
    .withPanel(
      stat(
        'Transferred by the last runs',
        { expr: `sum(${transferred}{${JOB}})` },
        {
          description: "Sum of statistics.transferredDataBytes of every job's last run.",
          unit: 'bytes',
          width: 6,
        },
      ),
    )
    .withPanel(
      stat(
        'Objects processed by the last runs',
        { expr: `sum(${processed}{${JOB}})` },
        {
          description: "Sum of statistics.processedObjects of every job's last run.",
          width: 6,
        },
      ),
    )
    .withRow(new RowBuilder('Jobs'))
    .withPanel(statusTable('Job status', false))
    .withPanel(sinceSuccessTable())
    .withRow(new RowBuilder('Per organization'))
    .withPanel(
      perOrganization(
        'Transferred bytes per organization',
        transferred,
        'bytes',
        "Bytes transferred by the last run of the organization's jobs.",
      ),
    )
    .withPanel(
      perOrganization(
        'Processed objects per organization',
        processed,
        'short',
        "Objects processed by the last run of the organization's jobs.",
      ),
    )
    .withPanel(durationTimeseries('Longest last run per organization', 'target, tenant', '{{target}} {{tenant}}'))
    .withPanel(warningsErrors())
    .withRow(new RowBuilder('Per job'))
    .withPanel(
      perJob(
        'Transferred bytes per job',
        transferred,
        'bytes',
        'Bytes transferred by the last run, as reported by VB365.',
      ),
    )
    .withPanel(perJob('Processed objects per job', processed, 'short', 'Objects processed by the last run.'))
    .withPanel(durationTimeseries('Last run duration per job'));
}
