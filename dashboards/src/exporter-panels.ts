// Panels of the exporter health dashboard: targets and their collections, vendor API requests, logins, caches.
import { type Mixin, thresholds, UP_MAPPING } from './common';
import { timeseries } from './panels';
import { matchers } from './promql';
import { table } from './tables';

const RATE = '[$__rate_interval]';
const TARGET_VARS = 'target=~"$target", product=~"$product"';

/**
 * Self-metrics are only in /metrics: the `job` and `instance` variables pick the exporter's scrapes (SELF).
 * Target series may come from other scrape jobs (/probe), so they are selected by target and product only.
 */
export function selectors(m: Mixin) {
  const self = m.self;
  return {
    SELF: self,
    TARGET: matchers(m.cfg.selectors.targets, TARGET_VARS),
    UPSTREAM: matchers(self, TARGET_VARS),
  };
}

export function targets(m: Mixin) {
  const { TARGET } = selectors(m);
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

export function collectionVsTimeout(m: Mixin) {
  const { TARGET } = selectors(m);
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

export function collectionDuration(m: Mixin) {
  const { TARGET } = selectors(m);
  return timeseries(
    'Collection duration and timeout',
    [
      { expr: `max by (target) (backup_target_scrape_duration_seconds{${TARGET}})`, legend: '{{target}} duration' },
      { expr: `max by (target) (backup_target_scrape_timeout_seconds{${TARGET}})`, legend: '{{target}} timeout' },
    ],
    { description: 'Duration of the collection being served, and the deadline it ran under.', unit: 's', min: 0 },
  );
}

export function upstreamRequests(m: Mixin) {
  const { UPSTREAM } = selectors(m);
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

export function upstreamErrors(m: Mixin) {
  const { UPSTREAM } = selectors(m);
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

export function upstreamLatency(m: Mixin) {
  const { UPSTREAM } = selectors(m);
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

export function logins(m: Mixin) {
  const { UPSTREAM } = selectors(m);
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

export function cacheHitRatio(m: Mixin) {
  const { SELF } = selectors(m);
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
