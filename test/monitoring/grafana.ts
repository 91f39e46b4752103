// Reads the committed dashboards the way Grafana does: panel queries, variable queries, and variable
// substitution with every multi-value variable set to All.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './promql';

export const DASHBOARD_DIR = join(ROOT, 'dashboards');

export interface Variable {
  name: string;
  type: string;
  query?: unknown;
  allValue?: string;
  includeAll?: boolean;
  multi?: boolean;
}

export interface DashboardJson {
  uid: string;
  title: string;
  schemaVersion: number;
  templating: { list: Variable[] };
  panels: PanelJson[];
}

export interface PanelJson {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { type: string; uid: string };
  targets?: Array<{ expr: string; instant?: boolean; refId: string; datasource?: { uid: string } }>;
  panels?: PanelJson[];
}

export function committedDashboards(): Array<{ file: string; json: DashboardJson; text: string }> {
  return readdirSync(DASHBOARD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(DASHBOARD_DIR, file), 'utf8');
      return { file, text, json: JSON.parse(text) as DashboardJson };
    });
}

export function allPanels(d: DashboardJson): PanelJson[] {
  return d.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
}

export interface PanelQuery {
  panel: string;
  refId: string;
  expr: string;
  instant: boolean;
}

export function panelQueries(d: DashboardJson): PanelQuery[] {
  return allPanels(d).flatMap((p) =>
    (p.targets ?? []).map((t) => ({ panel: p.title, refId: t.refId, expr: t.expr, instant: t.instant === true })),
  );
}

/** `label_values(metric{sel}, label)` of query variables, as the selector and the label. */
export function variableQueries(d: DashboardJson): Array<{ name: string; selector: string; label: string }> {
  return d.templating.list
    .filter((v) => v.type === 'query')
    .map((v) => {
      const m = /^label_values\((.+),\s*(\w+)\)$/.exec(String(v.query));
      if (!m) throw new Error(`${d.uid}: variable ${v.name} is not a label_values() query: ${String(v.query)}`);
      return { name: v.name, selector: m[1] ?? '', label: m[2] ?? '' };
    });
}

/** Variable values when every multi-value variable is set to All (constants keep their value). */
export function allValues(d: DashboardJson): Record<string, string> {
  const values: Record<string, string> = {};
  for (const v of d.templating.list) {
    if (v.type === 'constant') values[v.name] = String(v.query);
    else if (v.type === 'query') values[v.name] = v.allValue ?? '.+';
  }
  return values;
}

/** Grafana's built-in intervals, as the integration test's short-lived Prometheus can answer them. */
export const BUILTIN_INTERVALS: Record<string, string> = {
  __rate_interval: '1m',
  __interval: '15s',
  __range: '1h',
};

/** Substitutes `$name`, `${name}` and `${name:format}` like Grafana (unknown names are left as they are). */
export function substitute(expr: string, values: Record<string, string>): string {
  const all = { ...BUILTIN_INTERVALS, ...values };
  return expr.replace(
    /\$\{(\w+)(?::\w+)?\}|\$(\w+)/g,
    (whole, braced?: string, bare?: string) => all[braced ?? bare ?? ''] ?? whole,
  );
}
