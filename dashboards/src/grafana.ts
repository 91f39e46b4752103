// Turns what the dashboard builders produce into the JSON we ship: Grafana's import form (`__inputs`,
// `__requires`) at the schema of the oldest Grafana we support. The builders (grafana-foundation-sdk) write the
// newest schema; the fields below are the ones Grafana 11.0 does not know, and test/monitoring checks the result
// against Grafana 11.0's own dashboard and panel schemas.
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import type { MonitoringConfig } from './config';

/** The oldest Grafana the dashboards are written for, and its dashboard schema version. */
export const GRAFANA_MIN_VERSION = '11.0.0';
export const SCHEMA_VERSION = 39;

/** Panel plugins the dashboards may use: id and display name (for `__requires`). */
export const PANEL_PLUGINS: Record<string, string> = {
  bargauge: 'Bar gauge',
  gauge: 'Gauge',
  stat: 'Stat',
  table: 'Table',
  timeseries: 'Time series',
};

/** Options the builders set that Grafana 11.0's panel schemas do not have (newer versions default them). */
const NEWER_OPTIONS: Record<string, string[]> = {
  stat: ['percentChangeColorMode'],
  bargauge: ['legend'],
};
/** Variable fields of newer Grafana versions (`auto*` belong to interval variables only). */
const NEWER_VARIABLE_FIELDS = ['allowCustomValue', 'auto', 'auto_min', 'auto_count'];

interface PanelJson {
  id?: number;
  type: string;
  options?: Record<string, unknown>;
  panels?: PanelJson[];
}

export interface ExportedDashboard extends Record<string, unknown> {
  __inputs?: unknown[];
  __requires: unknown[];
}

/** Panel ids in order (stable output, working panel links) and only options Grafana 11.0 knows. */
function finishPanels(panels: PanelJson[]): Set<string> {
  const types = new Set<string>();
  let id = 0;
  const visit = (p: PanelJson) => {
    p.id = ++id;
    if (p.type !== 'row') types.add(p.type);
    for (const o of NEWER_OPTIONS[p.type] ?? []) delete p.options?.[o];
    p.panels?.forEach(visit);
  };
  panels.forEach(visit);
  return types;
}

function requires(panelTypes: Set<string>) {
  const unknown = [...panelTypes].filter((t) => !PANEL_PLUGINS[t]);
  if (unknown.length) throw new Error(`panel types without a Grafana ${GRAFANA_MIN_VERSION} plugin entry: ${unknown}`);
  return [
    { type: 'grafana', id: 'grafana', name: 'Grafana', version: GRAFANA_MIN_VERSION },
    { type: 'datasource', id: 'prometheus', name: 'Prometheus', version: '1.0.0' },
    ...[...panelTypes].sort().map((id) => ({ type: 'panel', id, name: PANEL_PLUGINS[id], version: '' })),
  ];
}

/**
 * The import form: Grafana's import dialog asks for a Prometheus data source (input DS_PROMETHEUS) and writes its
 * uid where `${DS_PROMETHEUS}` stands, which is the data source variable's default. With a data source in the
 * settings, that one is the default and there is nothing to ask.
 */
function datasourceDefault(cfg: MonitoringConfig) {
  const ds = cfg.grafana.datasource;
  if (ds) return { inputs: undefined, current: { text: ds, value: ds } };
  const input = {
    name: 'DS_PROMETHEUS',
    label: 'Prometheus',
    description: 'The Prometheus that scrapes backup-exporter',
    type: 'datasource',
    pluginId: 'prometheus',
    pluginName: 'Prometheus',
  };
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's input syntax, replaced on import
  const ref = '${DS_PROMETHEUS}';
  return { inputs: [input], current: { text: ref, value: ref } };
}

export function exportDashboard(d: Dashboard, cfg: MonitoringConfig): ExportedDashboard {
  const types = finishPanels((d.panels ?? []) as PanelJson[]);
  const { inputs, current } = datasourceDefault(cfg);
  for (const v of d.templating?.list ?? []) {
    const fields = v as unknown as Record<string, unknown>;
    for (const f of NEWER_VARIABLE_FIELDS) delete fields[f];
    if (v.type === 'datasource') v.current = current;
  }
  // Links without `placement` (a newer Grafana would move them into the controls menu).
  for (const link of d.links ?? []) delete link.placement;
  d.annotations = { list: d.annotations?.list ?? [] };
  d.schemaVersion = SCHEMA_VERSION;
  return { ...(inputs ? { __inputs: inputs } : {}), __requires: requires(types), ...d };
}
