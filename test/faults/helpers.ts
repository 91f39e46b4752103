// Shared pieces of the fault tests: a timed scrape under a scrape-header budget and readers for the target
// health series and the engine's "target down" log lines.
import { performance } from 'node:perf_hooks';
import type { TestExporter } from '../helpers/exporter';

/** The budget Prometheus announces; the exporter must answer within it whatever the upstream does. */
export const BUDGET_SECONDS = 2;

export interface Timed {
  status: number;
  text: string;
  ms: number;
}

export async function timedGet(ex: TestExporter, pathAndQuery: string): Promise<Timed> {
  const t0 = performance.now();
  const r = await ex.get(pathAndQuery, { 'X-Prometheus-Scrape-Timeout-Seconds': String(BUDGET_SECONDS) });
  return { status: r.status, text: r.text, ms: performance.now() - t0 };
}

/** Value of `backup_target_up` for a target, or undefined when the series is missing. */
export function upOf(text: string, target: string): number | undefined {
  const m = new RegExp(`^backup_target_up\\{target="${target}",[^}]*\\} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Number of series of a family for a target (job or server series prove a target is really collected). */
export function seriesOf(text: string, family: string, target: string): number {
  return text.split('\n').filter((l) => l.startsWith(`${family}{target="${target}",`)).length;
}

/** The `target down` warnings logged for a target since `from` (an offset into the log text). */
export function downLines(logs: string, target: string, from = 0): string[] {
  return logs
    .slice(from)
    .split('\n')
    .filter((l) => l.includes('msg="target down"') && l.includes(` target=${target} `));
}
