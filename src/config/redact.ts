// A target's configuration for display (/probe?debug=true), in the YAML key names users write, with every
// secret shown as `<secret>` and durations in Prometheus syntax. The product's own keys come from its module.
import { formatDuration } from './duration';
import type { ConfigRegistry, JobsSettings, TargetConfig } from './types';

export const SECRET = '<secret>';

type Shown = Record<string, unknown>;

/** The target as a plain object ready for YAML or JSON output; no secret value is included. */
export function showTarget(target: TargetConfig, registry: ConfigRegistry): Shown {
  return { ...common(target), ...registry.get(target.product)?.show(target) };
}

function common(t: TargetConfig): Shown {
  const tls: Shown = { insecure_skip_verify: t.tls.insecureSkipVerify };
  if (t.tls.caFile !== undefined) tls.ca_file = t.tls.caFile;
  return {
    name: t.name,
    product: t.product,
    url: t.url,
    timeout: formatDuration(t.timeoutMs),
    min_interval: formatDuration(t.minIntervalMs),
    inventory_ttl: formatDuration(t.inventoryTtlMs),
    concurrency: t.concurrency,
    tls,
    collectors: [...t.collectors],
  };
}

/** `lookback`, `warning_is_success` and `jobs` of the products whose unit of work is a job. */
export function showJobs(t: JobsSettings): Shown {
  // Shown as written: the anchoring `^(?:…)$` added at load is taken off again.
  const source = (r: RegExp): string => r.source.replace(/^\^\(\?:/, '').replace(/\)\$$/, '');
  return {
    lookback: formatDuration(t.lookbackMs),
    warning_is_success: t.warningIsSuccess,
    jobs: { include: t.jobs.include.map(source), exclude: t.jobs.exclude.map(source) },
  };
}
