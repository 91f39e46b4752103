// Huawei Cloud CloudDC: physical server health and power, and the progress of log exports.
import {
  dashboard,
  datasourceVariable,
  labelVariable,
  type Mixin,
  productConstant,
  redFrom,
  sections,
  targetVariables,
} from './common';
import { stat, timeseries } from './panels';
import { matchers, sel } from './promql';
import { table } from './tables';

const ORDER = ['target', 'server_name', 'server_id', 'state'];
const LEGEND = '{{target}} {{server_name}}';

function countBad(title: string, expr: string, description: string) {
  return stat(
    title,
    { expr: `count(${expr}) or vector(0)` },
    { description, background: true, thresholds: redFrom(1) },
  );
}

function stateTable(server: string, title: string, metric: string, description: string) {
  return table(title, [{ expr: `${sel(metric, server)} == 1` }], {
    description,
    hideValue: true,
    order: ORDER,
    width: 8,
  });
}

function exportSeries(title: string, expr: string, unit: string, description: string, max?: number) {
  return timeseries(title, [{ expr, legend: LEGEND }], {
    description,
    unit,
    min: 0,
    width: 8,
    ...(max === undefined ? {} : { max }),
  });
}

function summary(server: string) {
  const status = (state: string) => `${sel('backup_log_export_status', server, `state="${state}"`)} == 1`;
  return [
    stat(
      'Servers',
      { expr: `count(${sel('backup_server_health', server, 'state="ok"')}) or vector(0)` },
      {
        description: 'Physical servers reported (one series per server and health state).',
      },
    ),
    countBad(
      'Servers not healthy',
      `${sel('backup_server_health', server, 'state!="ok"')} == 1`,
      'Servers whose health_state is warning, critical or unknown.',
    ),
    countBad(
      'Servers not powered on',
      `${sel('backup_server_power', server, 'state!="on"')} == 1`,
      'Servers off, powering on or off, rebooting or unknown.',
    ),
    countBad('Failed log exports', status('failed'), 'Servers whose newest log export failed.'),
    countBad(
      'Unknown log exports',
      status('unknown'),
      'Servers whose newest log export has an unrecognised state or was lost (404).',
    ),
    stat(
      'Exports in progress',
      { expr: `count(${status('processing')}) or vector(0)` },
      {
        description: 'Servers with a log export still processing.',
      },
    ),
  ];
}

function servers(server: string) {
  return [
    stateTable(server, 'Health', 'backup_server_health', 'health_state per server.'),
    stateTable(server, 'Power', 'backup_server_power', 'power_state per server.'),
    stateTable(server, 'Newest log export', 'backup_log_export_status', 'State of the newest log export per server.'),
  ];
}

function logExports(server: string) {
  const created = `time() - ${sel('backup_log_export_created_timestamp_seconds', server)}`;
  const download = 'Size of the newest export archive saved in download_dir (absent without download_dir).';
  return [
    exportSeries(
      'Log export progress',
      sel('backup_log_export_progress_ratio', server),
      'percentunit',
      'percentage / 100 of the newest export of each server.',
      1,
    ),
    exportSeries(
      'Age of the newest log export',
      created,
      's',
      'Time since the newest export of each server was created.',
    ),
    exportSeries('Downloaded archive size', sel('backup_log_export_downloaded_bytes', server), 'bytes', download),
  ];
}

export function huawei(m: Mixin) {
  const server = matchers(m.target, 'server_name=~"$server"');
  const d = dashboard(
    m,
    'backup-huawei-clouddc',
    'Backup: Huawei Cloud CloudDC',
    'Physical server health and power state, and log exports.',
  ).variables([
    datasourceVariable(),
    productConstant('huawei_clouddc'),
    ...targetVariables(m),
    labelVariable('server', 'Server', 'backup_server_health', m.target, 'server_name'),
  ]);
  return sections(d, [
    ['Summary', summary(server)],
    ['Servers', servers(server)],
    ['Log exports', logExports(server)],
  ]);
}
