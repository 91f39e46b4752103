// Small PromQL builders shared by the dashboards and the alert rules, so that the user's selectors from the
// settings reach every vector selector.

/** Joins lists of label matchers, skipping empty ones. */
export function matchers(...lists: Array<string | undefined>): string {
  return lists
    .map((l) => l?.trim())
    .filter((l): l is string => !!l)
    .join(', ');
}

/** `metric{...}` with the given matcher lists (just `metric` when they are all empty). */
export function sel(metric: string, ...lists: Array<string | undefined>): string {
  const m = matchers(...lists);
  return m ? `${metric}{${m}}` : metric;
}

/** Seconds in a Prometheus duration (`1h30m`, `7d`). */
export function seconds(duration: string): number {
  const unit: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
  let total = 0;
  for (const [, n, u = ''] of duration.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) total += Number(n) * (unit[u] ?? 0);
  return total;
}

/** The identity of a job (contract 4.2); labels a product does not use match as empty on both sides. */
export const JOB_IDENTITY = 'target, tenant, job_id, destination_id';
