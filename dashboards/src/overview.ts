// Backup overview: every product on one page, worst news first.
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  dashboard,
  datasourceVariable,
  jobVariables,
  productVariable,
  targetVariable,
  TARGET,
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
import { stat, table, timeseries } from './panels';

function targetsDown() {
  return stat(
    'Targets down',
    { expr: `count(backup_target_up{${TARGET}} == 0) or vector(0)` },
    {
      description: 'Targets whose login, version detection or inventory failed in the last collection.',
      background: true,
      thresholds: thresholds([
        [null, 'green'],
        [1, 'red'],
      ]),
    },
  );
}

function targetTable() {
  return table('Targets', [{ expr: `max by (target, product) (backup_target_up{${TARGET}})` }], {
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

function failedCollectors() {
  return timeseries(
    'Failed collectors per target',
    [
      {
        expr: `sum by (target) (backup_target_collector_success{${TARGET}} == bool 0)`,
        legend: '{{target}}',
      },
    ],
    {
      description:
        'Parts of a collection that failed (0 = all good). A failed part leaves out the series that depend on it.',
      min: 0,
    },
  );
}

export function overview() {
  return dashboard('backup-overview', 'Backup overview', 'Backup jobs of every product and target on one page.')
    .variables([datasourceVariable(), productVariable(), targetVariable(), ...jobVariables()])
    .withRow(new RowBuilder('Summary'))
    .withPanel(targetsDown())
    .withPanel(jobCount())
    .withPanel(notSuccessfulCount())
    .withPanel(jobsByStatus())
    .withRow(new RowBuilder('Jobs'))
    .withPanel(statusTable('Jobs not successful now', true))
    .withPanel(sinceSuccessTable())
    .withPanel(durationTimeseries('Last run duration'))
    .withPanel(warningsErrors())
    .withRow(new RowBuilder('Targets'))
    .withPanel(targetTable())
    .withPanel(failedCollectors());
}
