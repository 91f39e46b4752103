// Huawei Cloud CloudDC: physical server health and power, and the progress of log exports.
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  dashboard,
  datasourceVariable,
  labelVariable,
  productConstant,
  TARGET,
  targetVariable,
  thresholds,
} from './common';
import { stat, table, timeseries } from './panels';

const SERVER = `${TARGET}, server_name=~"$server"`;
const ORDER = ['target', 'server_name', 'server_id', 'state'];

function countBad(title: string, expr: string, description: string) {
  return stat(
    title,
    { expr: `count(${expr}) or vector(0)` },
    {
      description,
      background: true,
      thresholds: thresholds([
        [null, 'green'],
        [1, 'red'],
      ]),
    },
  );
}

function stateTable(title: string, metric: string, description: string) {
  return table(title, [{ expr: `${metric}{${SERVER}} == 1` }], {
    description,
    hideValue: true,
    order: ORDER,
    width: 8,
  });
}

export function huawei() {
  return dashboard(
    'backup-huawei-clouddc',
    'Backup: Huawei Cloud CloudDC',
    'Physical server health and power state, and log exports.',
  )
    .variables([
      datasourceVariable(),
      productConstant('huawei_clouddc'),
      targetVariable(),
      labelVariable('server', 'Server', 'backup_server_health', TARGET, 'server_name'),
    ])
    .withRow(new RowBuilder('Summary'))
    .withPanel(
      stat(
        'Servers',
        { expr: `count(backup_server_health{${SERVER}, state="ok"}) or vector(0)` },
        {
          description: 'Physical servers reported (one series per server and health state).',
        },
      ),
    )
    .withPanel(
      countBad(
        'Servers not healthy',
        `backup_server_health{${SERVER}, state!="ok"} == 1`,
        'Servers whose health_state is warning, critical or unknown.',
      ),
    )
    .withPanel(
      countBad(
        'Servers not powered on',
        `backup_server_power{${SERVER}, state!="on"} == 1`,
        'Servers off, powering on or off, rebooting or unknown.',
      ),
    )
    .withPanel(
      countBad(
        'Failed log exports',
        `backup_log_export_status{${SERVER}, state="failed"} == 1`,
        'Servers whose newest log export failed.',
      ),
    )
    .withPanel(
      countBad(
        'Unknown log exports',
        `backup_log_export_status{${SERVER}, state="unknown"} == 1`,
        'Servers whose newest log export has an unrecognised state or was lost (404).',
      ),
    )
    .withPanel(
      stat(
        'Exports in progress',
        { expr: `count(backup_log_export_status{${SERVER}, state="processing"} == 1) or vector(0)` },
        {
          description: 'Servers with a log export still processing.',
        },
      ),
    )
    .withRow(new RowBuilder('Servers'))
    .withPanel(stateTable('Health', 'backup_server_health', 'health_state per server.'))
    .withPanel(stateTable('Power', 'backup_server_power', 'power_state per server.'))
    .withPanel(
      stateTable('Newest log export', 'backup_log_export_status', 'State of the newest log export per server.'),
    )
    .withRow(new RowBuilder('Log exports'))
    .withPanel(
      timeseries(
        'Log export progress',
        [{ expr: `backup_log_export_progress_ratio{${SERVER}}`, legend: '{{target}} {{server_name}}' }],
        {
          description: 'percentage / 100 of the newest export of each server.',
          unit: 'percentunit',
          min: 0,
          max: 1,
          width: 8,
        },
      ),
    )
    .withPanel(
      timeseries(
        'Age of the newest log export',
        [
          {
            expr: `time() - backup_log_export_created_timestamp_seconds{${SERVER}}`,
            legend: '{{target}} {{server_name}}',
          },
        ],
        { description: 'Time since the newest export of each server was created.', unit: 's', min: 0, width: 8 },
      ),
    )
    .withPanel(
      timeseries(
        'Downloaded archive size',
        [{ expr: `backup_log_export_downloaded_bytes{${SERVER}}`, legend: '{{target}} {{server_name}}' }],
        {
          description: 'Size of the newest export archive saved in download_dir (absent without download_dir).',
          unit: 'bytes',
          min: 0,
          width: 8,
        },
      ),
    );
}
