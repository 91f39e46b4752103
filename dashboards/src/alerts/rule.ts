// The shape of an alert rule as the generator writes it, and the helpers the rule files share.
import type { MonitoringConfig } from '../config';
import { sel } from '../promql';

export type Severity = 'critical' | 'warning' | 'info';

export interface AlertRule {
  alert: string;
  /** Why the expression is written this way: a YAML comment above the rule. */
  comment?: string;
  expr: string;
  for: string;
  /** Only for rules over series that a failed collector leaves out (the settings' `for.keepFiring`). */
  keepFiring?: boolean;
  severity: Severity;
  summary: string;
  description: string;
}

export interface RuleGroup {
  name: string;
  rules: AlertRule[];
}

/** Selectors bound to the settings: `t` for target series, `e` for the exporter's own. */
export function selectors(cfg: MonitoringConfig) {
  return {
    t: (metric: string, ...more: string[]) => sel(metric, cfg.selectors.targets, ...more),
    e: (metric: string, ...more: string[]) => sel(metric, cfg.selectors.exporter, ...more),
  };
}

/**
 * `selector cmp` has held at every sample of the past `window`, and there are samples from the window's start:
 * with less history nothing is proven yet. Unlike `for:`, a gap (a failed collector leaves the series out for
 * a while) neither restarts the clock nor is needed to keep it.
 */
export function throughout(selector: string, cmp: string, window: string): string {
  return [
    `${selector} ${cmp}`,
    `and min_over_time(${selector}[${window}]) ${cmp}`,
    `and ${selector} offset ${window}`,
  ].join('\n');
}

/** "5m" → "5 minutes" for descriptions; other durations stay as written. */
export function spoken(duration: string): string {
  const m = /^(\d+)(m|h|d)$/.exec(duration);
  if (!m) return duration;
  const unit = { m: 'minute', h: 'hour', d: 'day' }[m[2] as 'm' | 'h' | 'd'];
  return `${m[1]} ${unit}${m[1] === '1' ? '' : 's'}`;
}

/** 0.1 → "10%". */
export const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
