// The exporter's own metrics (contract section 5), on a prom-client registry of their own. Target series do
// not go through prom-client: they are rendered from plain samples (see render.ts).

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestObserver } from '../http/types';

export const UPSTREAM_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export class SelfMetrics {
  readonly registry = new Registry();
  readonly upstreamRequests = new Counter({
    name: 'backup_exporter_upstream_requests_total',
    help: 'Requests to vendor APIs by HTTP status code, or timeout / error when no response came.',
    labelNames: ['target', 'product', 'code'] as const,
    registers: [this.registry],
  });
  readonly upstreamDuration = new Histogram({
    name: 'backup_exporter_upstream_request_duration_seconds',
    help: 'Duration of requests to vendor APIs.',
    labelNames: ['target', 'product'] as const,
    buckets: UPSTREAM_BUCKETS,
    registers: [this.registry],
  });
  readonly logins = new Counter({
    name: 'backup_exporter_logins_total',
    help: 'Password grants, token refreshes and IAM token requests by result.',
    labelNames: ['target', 'product', 'result'] as const,
    registers: [this.registry],
  });
  readonly cacheRequests = new Counter({
    name: 'backup_exporter_cache_requests_total',
    help: 'Lookups in the collection, inventory and immutable-data caches by result.',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });
  readonly reloadSuccessful = new Gauge({
    name: 'backup_exporter_config_last_reload_successful',
    help: '1 when the last configuration load succeeded.',
    registers: [this.registry],
  });
  readonly reloadSuccessTimestamp = new Gauge({
    name: 'backup_exporter_config_last_reload_success_timestamp_seconds',
    help: 'Time of the last successful configuration load, Unix seconds.',
    registers: [this.registry],
  });
  readonly buildInfo = new Gauge({
    name: 'backup_exporter_build_info',
    help: 'Build information of the exporter (value 1).',
    labelNames: ['version', 'revision', 'nodejs_version'] as const,
    registers: [this.registry],
  });

  constructor(opts: { defaultMetrics?: boolean } = {}) {
    for (const cache of ['collection', 'inventory', 'immutable']) {
      for (const result of ['hit', 'miss']) this.cacheRequests.inc({ cache, result }, 0);
    }
    if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    // promtool flags gauges ending in _total; these three are not counters, so they are left out.
    for (const name of [
      'nodejs_active_handles_total',
      'nodejs_active_requests_total',
      'nodejs_active_resources_total',
    ]) {
      this.registry.removeSingleMetric(name);
    }
  }

  /** Both login results start at 0 for a target that logs in, so increase() works from the first failure. */
  initLogins(target: string, product: string): void {
    this.logins.inc({ target, product, result: 'success' }, 0);
    this.logins.inc({ target, product, result: 'failure' }, 0);
  }

  /** Counts one target's upstream requests (`code`) and their durations. */
  upstreamObserver(names: { target: string; product: string }): RequestObserver {
    return {
      request: (code, seconds) => {
        this.upstreamRequests.inc({ ...names, code });
        this.upstreamDuration.observe(names, seconds);
      },
    };
  }

  /** Drops a removed target's series, so a target deleted by a reload does not linger in /metrics. */
  async forgetTarget(target: string): Promise<void> {
    for (const metric of [this.upstreamRequests, this.upstreamDuration, this.logins] as Array<
      Counter<string> | Histogram<string>
    >) {
      const seen = new Set<string>();
      for (const { labels } of (await metric.get()).values) {
        if (labels.target !== target) continue;
        // Histogram values carry `le`; the label set to remove is the one without it.
        const { le: _le, ...own } = labels as Record<string, string | number>;
        const key = JSON.stringify(own);
        if (seen.has(key)) continue;
        seen.add(key);
        metric.remove(own as never);
      }
    }
  }
}
