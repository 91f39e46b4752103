// Grafana 11.0's dashboard JSON as TypeScript types: the dashboard kind and the panel option schemas of
// @grafana/schema 11.0.0 (installed as grafana-schema-11), plus the two things that package does not carry: the
// Prometheus query of Grafana 11.0 and the import form (`__inputs`, `__requires`). grafana-schema.ts type-checks
// the shipped dashboards against these with tsc, which rejects every field Grafana 11.0 does not know.
import type * as D from 'grafana-schema-11/dist/esm/raw/dashboard/x/dashboard_types.gen';
import type * as bargauge from 'grafana-schema-11/dist/esm/raw/composable/bargauge/panelcfg/x/BarGaugePanelCfg_types.gen';
import type * as gauge from 'grafana-schema-11/dist/esm/raw/composable/gauge/panelcfg/x/GaugePanelCfg_types.gen';
import type * as piechart from 'grafana-schema-11/dist/esm/raw/composable/piechart/panelcfg/x/PieChartPanelCfg_types.gen';
import type * as stat from 'grafana-schema-11/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen';
import type * as statetimeline from 'grafana-schema-11/dist/esm/raw/composable/statetimeline/panelcfg/x/StateTimelinePanelCfg_types.gen';
import type * as statushistory from 'grafana-schema-11/dist/esm/raw/composable/statushistory/panelcfg/x/StatusHistoryPanelCfg_types.gen';
import type * as table from 'grafana-schema-11/dist/esm/raw/composable/table/panelcfg/x/TablePanelCfg_types.gen';
import type * as text from 'grafana-schema-11/dist/esm/raw/composable/text/panelcfg/x/TextPanelCfg_types.gen';
import type * as timeseries from 'grafana-schema-11/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen';

/**
 * A document of type T as JSON: string enums as their values, every field optional (Grafana fills in the
 * defaults of what is missing), and, through TypeScript's excess property checks, no field T does not declare.
 */
export type Json<T> = T extends string
  ? `${T}`
  : T extends number | boolean | null | undefined
    ? T
    : T extends ReadonlyArray<infer U>
      ? Array<Json<U>>
      : T extends object
        ? { [K in keyof T]?: Json<T[K]> }
        : T;

/** Panel plugins of Grafana 11.0 by panel type: their options and their `fieldConfig.defaults.custom`. */
export interface PanelSchemas {
  bargauge: { options: bargauge.Options; custom: never };
  gauge: { options: gauge.Options; custom: never };
  piechart: { options: piechart.Options; custom: piechart.FieldConfig };
  stat: { options: stat.Options; custom: never };
  'state-timeline': { options: statetimeline.Options; custom: statetimeline.FieldConfig };
  'status-history': { options: statushistory.Options; custom: statushistory.FieldConfig };
  table: { options: table.Options; custom: table.FieldConfig };
  text: { options: text.Options; custom: never };
  timeseries: { options: timeseries.Options; custom: timeseries.FieldConfig };
}
export type PanelType = keyof PanelSchemas;

/**
 * The Prometheus query of Grafana 11.0: the common DataQuery fields and those of
 * packages/grafana-prometheus (dataquery.ts and PromQuery in types.ts) at v11.0.0.
 */
export interface PromQuery {
  refId: string;
  hide?: boolean;
  key?: string;
  queryType?: string;
  datasource?: { type?: string; uid?: string };
  expr: string;
  instant?: boolean;
  range?: boolean;
  exemplar?: boolean;
  editorMode?: 'code' | 'builder';
  format?: 'time_series' | 'table' | 'heatmap';
  legendFormat?: string;
  intervalFactor?: number;
  interval?: string;
  utcOffsetSec?: number;
  valueWithRefId?: boolean;
  showingGraph?: boolean;
  showingTable?: boolean;
  hinting?: boolean;
  fromExploreMetrics?: boolean;
}

/** Grafana's import form (DashboardExporter of Grafana 11.0). */
export interface ImportForm {
  __inputs?: Array<{
    name: string;
    label: string;
    description: string;
    type: 'datasource' | 'constant';
    pluginId?: string;
    pluginName?: string;
    value?: string;
  }>;
  __requires?: Array<{ type: 'grafana' | 'datasource' | 'panel'; id: string; name: string; version: string }>;
}

/**
 * A template variable. The dashboard kind leaves out `definition`, which Grafana 11.0's own query variables carry
 * (QueryVariableModel in packages/grafana-data/src/types/templateVars.ts) and write into every saved dashboard.
 */
export type Variable = Json<D.VariableModel> & { definition?: string };
export type Dashboard = Omit<Json<D.Dashboard>, 'panels' | 'templating'> &
  ImportForm & { templating?: { list?: Variable[] } };
export type Row = Omit<Json<D.RowPanel>, 'panels'> & { panels: [] };
/** A panel without its plugin-specific parts, which are checked one by one (one error per part). */
export type PanelBase<T extends PanelType> = Omit<Json<D.Panel>, 'type' | 'options' | 'fieldConfig' | 'targets'> & {
  type: T;
};
export type Options<T extends PanelType> = Json<PanelSchemas[T]['options']>;
export type Defaults<T extends PanelType> = Omit<Json<D.FieldConfig>, 'custom'> & {
  custom?: Json<PanelSchemas[T]['custom']>;
};
/** Overrides may set a standard field option or one of the plugin's own (`custom.…`); values are free. */
export type Overrides<T extends PanelType> = Array<{
  matcher: Json<D.MatcherConfig>;
  properties: Array<{
    id: keyof D.FieldConfig | `custom.${keyof PanelSchemas[T]['custom'] & string}`;
    value?: unknown;
  }>;
}>;
export type Target = PromQuery;
