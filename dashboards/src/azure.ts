// Veeam Backup for Microsoft Azure: policies, the instances they protect and how long their sessions take.
import { RowBuilder, VariableHide } from '@grafana/grafana-foundation-sdk/dashboard';
import { dashboard, datasourceVariable, JOB, labelVariable, productConstant, TARGET, targetVariable } from './common';
import {
  durationTimeseries,
  jobCount,
  notSuccessfulCount,
  sinceSuccessTable,
  statusTable,
  warningsErrors,
} from './jobs';
import { stat, timeseries } from './panels';

function policiesByType() {
  return timeseries(
    'Policies by type',
    [
      {
        expr: `count by (job_type) (backup_job_status{${JOB}, status="success"})`,
        legend: '{{job_type}}',
      },
    ],
    { description: 'Number of policies per policy type.', min: 0 },
  );
}

function protectedInstances() {
  return timeseries(
    'Protected instances per policy',
    [
      {
        expr: `max by (target, job_name) (backup_job_last_run_processed_objects{${JOB}})`,
        legend: '{{target}} {{job_name}}',
      },
    ],
    { description: 'backupJobInfo.protectedInstancesCount of the last policy session.', min: 0 },
  );
}

export function azure() {
  return dashboard(
    'backup-veeam-azure',
    'Backup: Veeam Backup for Microsoft Azure',
    'Policies, protected instances and session durations.',
  )
    .variables([
      datasourceVariable(),
      productConstant('veeam_azure'),
      targetVariable(),
      // Azure policies have no tenant; the variable stays (hidden) so the shared job panels work unchanged.
      labelVariable('tenant', 'Tenant', 'backup_job_status', TARGET).hide(VariableHide.HideVariable),
      labelVariable('job_name', 'Policy', 'backup_job_status', TARGET),
    ])
    .withRow(new RowBuilder('Summary'))
    .withPanel(jobCount('Policies', 6))
    .withPanel(
      stat(
        'Enabled policies',
        { expr: `sum(backup_job_enabled{${JOB}})` },
        {
          description: 'Policies the API reports as enabled.',
          width: 6,
        },
      ),
    )
    .withPanel(notSuccessfulCount(6))
    .withPanel(
      stat(
        'Protected instances',
        { expr: `sum(backup_job_last_run_processed_objects{${JOB}})` },
        {
          description: 'Instances protected by the last session of every policy.',
          width: 6,
        },
      ),
    )
    .withRow(new RowBuilder('Policies'))
    .withPanel(statusTable('Policy status', false))
    .withPanel(sinceSuccessTable())
    .withPanel(policiesByType())
    .withPanel(protectedInstances())
    .withRow(new RowBuilder('Sessions'))
    .withPanel(durationTimeseries('Session duration per policy', 'target, job_name', '{{target}} {{job_name}}'))
    .withPanel(warningsErrors('{{target}} {{job_name}}'));
}
