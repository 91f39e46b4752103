// AhsayCBS: backup sets per backup user (tenant), files and bytes per kind of change, compression and
// deduplication savings.
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

const FILES = 'backup_job_last_run_files';
const STORED = 'backup_job_last_run_files_stored_bytes';
const ORIGINAL = 'backup_job_last_run_files_original_bytes';
const DEDUPE_SAVED = 'backup_job_last_run_dedupe_saved_bytes';
const DEDUPE_ORIGINAL = 'backup_job_last_run_dedupe_original_bytes';

function byChange(title: string, metric: string, unit: string, description: string) {
  return timeseries(title, [{ expr: `sum by (change) (${metric}{${JOB}})`, legend: '{{change}}' }], {
    description,
    unit,
    min: 0,
  });
}

function perUser(title: string, expr: (sel: string) => string, unit: string, description: string) {
  return timeseries(title, [{ expr: expr(JOB), legend: '{{target}} {{tenant}}' }], { description, unit, min: 0 });
}

export function ahsay() {
  const by = 'sum by (target, tenant)';
  return dashboard(
    'backup-ahsay',
    'Backup: AhsayCBS',
    'Backup sets per backup user: files and bytes per kind of change, compression and deduplication.',
  )
    .variables([datasourceVariable(), productConstant('ahsay'), targetVariable(), ...jobVariables('Backup user')])
    .withRow(new RowBuilder('Summary'))
    .withPanel(jobCount('Backup sets', 6))
    .withPanel(notSuccessfulCount(6))
    .withPanel(
      stat(
        'Stored by the last runs',
        { expr: `sum(${STORED}{${JOB}})` },
        {
          description: 'Bytes stored (after compression) by the last run of every backup set and destination.',
          unit: 'bytes',
          width: 6,
        },
      ),
    )
    .withPanel(
      stat(
        'Saved by deduplication',
        { expr: `sum(${DEDUPE_SAVED}{${JOB}})` },
        {
          description: 'DedupeSaving of the last runs.',
          unit: 'bytes',
          width: 6,
        },
      ),
    )
    .withRow(new RowBuilder('Backup sets'))
    .withPanel(statusTable('Backup set status', false))
    .withPanel(sinceSuccessTable())
    .withRow(new RowBuilder('Changes'))
    .withPanel(
      byChange(
        'Files per kind of change',
        FILES,
        'short',
        'NumOf…Files of the last runs: new, updated, permission_updated, deleted, moved, copied.',
      ),
    )
    .withPanel(
      byChange('Stored bytes per kind of change', STORED, 'bytes', 'Total…Size of the last runs (after compression).'),
    )
    .withPanel(
      byChange(
        'Original bytes per kind of change',
        ORIGINAL,
        'bytes',
        'TotalUnzip…Size of the last runs (before compression).',
      ),
    )
    .withPanel(
      perUser(
        'Stored bytes per backup user',
        (s) => `${by} (${STORED}{${s}})`,
        'bytes',
        "Bytes stored by the last runs of the user's backup sets.",
      ),
    )
    .withRow(new RowBuilder('Savings'))
    .withPanel(
      perUser(
        'Compression savings per backup user',
        (s) => `1 - ${by} (${STORED}{${s}}) / ${by} (${ORIGINAL}{${s}})`,
        'percentunit',
        'Share of the original bytes that compression did not have to store (1 − stored / original).',
      ),
    )
    .withPanel(
      perUser(
        'Deduplication savings per backup user',
        (s) => `${by} (${DEDUPE_SAVED}{${s}}) / ${by} (${DEDUPE_ORIGINAL}{${s}})`,
        'percentunit',
        'DedupeSaving / DedupeOriginalSize of the last runs.',
      ),
    )
    .withRow(new RowBuilder('Runs'))
    .withPanel(durationTimeseries('Last run duration per backup set'))
    .withPanel(warningsErrors());
}
