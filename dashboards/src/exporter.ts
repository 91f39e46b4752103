// Exporter health: is the exporter up, are its targets up, how close collections come to their deadline,
// how the vendor APIs answer, logins and caches.
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  dashboard,
  datasourceVariable,
  labelVariable,
  productVariable,
  TARGET,
  targetVariable,
  thresholds,
  UP_MAPPING,
  valueText,
} from './common';
import { stat, table, timeseries } from './panels';

/** Self-metrics are only in /metrics: they are selected by the scrape job and instance of the exporter. */
const SELF = 'job=~"$job", instance=~"$instance"';
const UPSTREAM = `${SELF}, ${TARGET}`;
const RATE = '[$__rate_interval]';

function targets() {
  const up = `max by (target, product) (backup_target_up{${TARGET}})`;
  const info = `max by (target, product, api_version, server_version) (backup_target_info{${TARGET}})`;
  // Versions joined in where known; `or on` keeps a down target that has no info series.
  return table(
    'Targets',
    [
      {
        expr: `${up} * on (target, product) group_left (api_version, server_version) ${info} or on (target, product) ${up}`,
      },
    ],
    {
      description: 'Up or down per target, with the detected API and server version.',
      value: 'State',
      mappings: UP_MAPPING,
      thresholds: thresholds([
        [null, 'red'],
        [1, 'green'],
      ]),
      order: ['target', 'product', 'api_version', 'server_version'],
    },
  );
}

function collectionVsTimeout() {
  return timeseries(
    'Collection duration / timeout',
    [
      {
        expr: `max by (target) (backup_target_scrape_duration_seconds{${TARGET}} / backup_target_scrape_timeout_seconds{${TARGET}})`,
        legend: '{{target}}',
      },
    ],
    {
      description:
        'Share of the deadline a collection used. Above 80 % the BackupCollectionNearTimeout alert fires; at 100 % the target is down.',
      unit: 'percentunit',
      min: 0,
      thresholds: thresholds([
        [null, 'green'],
        [0.8, 'red'],
      ]),
      thresholdLine: true,
    },
  );
}

function collectionDuration() {
  return timeseries(
    'Collection duration and timeout',
    [
      { expr: `max by (target) (backup_target_scrape_duration_seconds{${TARGET}})`, legend: '{{target}} duration' },
      { expr: `max by (target) (backup_target_scrape_timeout_seconds{${TARGET}})`, legend: '{{target}} timeout' },
    ],
    { description: 'Duration of the collection being served, and the deadline it ran under.', unit: 's', min: 0 },
  );
}

function upstreamRequests() {
  return timeseries(
    'Upstream requests by code',
    [
      {
        expr: `sum by (target, code) (rate(backup_exporter_upstream_requests_total{${UPSTREAM}}${RATE}))`,
        legend: '{{target}} {{code}}',
      },
    ],
    {
      description: 'Requests to the vendor APIs per HTTP status; timeout and error when no response came.',
      unit: 'reqps',
      min: 0,
    },
  );
}

function upstreamErrors() {
  // `or … * 0` keeps a 0 line per target, so "no errors" is visible rather than an empty panel.
  const all = `sum by (target) (rate(backup_exporter_upstream_requests_total{${UPSTREAM}}${RATE}))`;
  return timeseries(
    'Upstream errors by code',
    [
      {
        expr: `sum by (target, code) (rate(backup_exporter_upstream_requests_total{${UPSTREAM}, code!~"2.."}${RATE})) or on (target) 0 * ${all}`,
        legend: '{{target}} {{code}}',
      },
    ],
    {
      description: 'Requests answered with a non-2xx status, timed out or failed (DNS, refused, reset, TLS).',
      unit: 'reqps',
      min: 0,
    },
  );
}

function upstreamLatency() {
  return timeseries(
    'Upstream request duration (p95)',
    [
      {
        expr: `histogram_quantile(0.95, sum by (target, le) (rate(backup_exporter_upstream_request_duration_seconds_bucket{${UPSTREAM}}${RATE})))`,
        legend: '{{target}}',
      },
    ],
    { description: '95th percentile of vendor API request durations.', unit: 's', min: 0 },
  );
}

function logins() {
  return timeseries(
    'Logins by result',
    [
      {
        expr: `sum by (target, result) (increase(backup_exporter_logins_total{${UPSTREAM}}${RATE}))`,
        legend: '{{target}} {{result}}',
      },
    ],
    { description: 'Password grants, token refreshes and IAM token requests.', min: 0 },
  );
}

function cacheHitRatio() {
  const sel = `{${SELF}, result="hit"}`;
  return timeseries(
    'Cache hit ratio',
    [
      {
        expr: `sum by (cache) (rate(backup_exporter_cache_requests_total${sel}${RATE})) / sum by (cache) (rate(backup_exporter_cache_requests_total{${SELF}}${RATE}))`,
        legend: '{{cache}}',
      },
    ],
    {
      description:
        'Hits / lookups of the collection (min_interval), inventory (inventory_ttl) and immutable-data caches.',
      unit: 'percentunit',
      min: 0,
      max: 1,
    },
  );
}

export function exporter() {
  return dashboard(
    'backup-exporter-health',
    'Backup exporter health',
    'The exporter itself: targets, collection deadlines, vendor API requests, logins and caches.',
  )
    .variables([
      datasourceVariable(),
      labelVariable('job', 'Scrape job', 'backup_exporter_build_info', ''),
      labelVariable('instance', 'Exporter', 'backup_exporter_build_info', 'job=~"$job"'),
      productVariable(),
      targetVariable(),
    ])
    .withRow(new RowBuilder('Exporter'))
    .withPanel(
      stat(
        'Exporter up',
        { expr: `min(up{${SELF}})` },
        {
          description: 'Prometheus reached every selected exporter instance.',
          mappings: UP_MAPPING,
          background: true,
          thresholds: thresholds([
            [null, 'red'],
            [1, 'green'],
          ]),
        },
      ),
    )
    .withPanel(
      stat(
        'Targets up',
        { expr: `sum(backup_target_up{${TARGET}})` },
        { description: 'Targets whose last collection succeeded.' },
      ),
    )
    .withPanel(
      stat(
        'Targets down',
        { expr: `count(backup_target_up{${TARGET}} == 0) or vector(0)` },
        {
          description: 'Targets whose login, version detection or inventory failed.',
          background: true,
          thresholds: thresholds([
            [null, 'green'],
            [1, 'red'],
          ]),
        },
      ),
    )
    .withPanel(
      stat(
        'Last config reload',
        { expr: `min(backup_exporter_config_last_reload_successful{${SELF}})` },
        {
          description: 'Whether the last configuration (re)load succeeded.',
          background: true,
          mappings: valueText({ '0': ['Failed', 'red'], '1': ['OK', 'green'] }),
          thresholds: thresholds([
            [null, 'red'],
            [1, 'green'],
          ]),
        },
      ),
    )
    .withPanel(
      table('Version', [{ expr: `backup_exporter_build_info{${SELF}}` }], {
        description: 'Build of each exporter instance.',
        hideValue: true,
        width: 8,
        height: 4,
        order: ['version', 'revision', 'nodejs_version'],
      }),
    )
    .withRow(new RowBuilder('Targets'))
    .withPanel(targets())
    .withPanel(collectionVsTimeout())
    .withPanel(collectionDuration())
    .withRow(new RowBuilder('Vendor APIs'))
    .withPanel(upstreamRequests())
    .withPanel(upstreamErrors())
    .withPanel(upstreamLatency())
    .withPanel(logins())
    .withRow(new RowBuilder('Caches'))
    .withPanel(cacheHitRatio());
}
