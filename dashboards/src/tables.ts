// Table, gauge and bar gauge factories: instant queries, readable columns and fill bars.
import {
  BarGaugeDisplayMode,
  BarGaugeValueMode,
  ReduceDataOptionsBuilder,
  TableCellDisplayMode,
  TableSortByFieldStateBuilder,
  VizOrientation,
} from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as BarGaugeBuilder } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as GaugeBuilder } from '@grafana/grafana-foundation-sdk/gauge';
import { PanelBuilder as TableBuilder } from '@grafana/grafana-foundation-sdk/table';
import { DS } from './common';
import { type Common, type Q, queries } from './panels';

export interface TableOpts extends Common {
  /** Columns to hide besides Time and the scrape labels `job` and `instance`. */
  hide?: string[];
  /** Header for the Value column (one query), or for each query's `Value #A`, `Value #B`... (several). */
  value?: string | string[];
  /** Sort by the (first) value column, largest first. */
  sortDesc?: boolean;
  /** Hide the Value column (tables whose information is in the labels, e.g. a state set `== 1`). */
  hideValue?: boolean;
  /** Column order for the labels people read first. */
  order?: string[];
  /** Show the (first) value column as a fill bar instead of colouring its background by thresholds. */
  bar?: boolean;
  /** Units of further value columns, by their header. */
  units?: Record<string, string>;
}

const SCRAPE_LABELS = ['Time', 'job', 'instance', '__name__'];

/** Value column headers: Grafana names them `Value` for one query and `Value #<refId>` for several. */
function renames(qs: Q[], value: string | string[] | undefined): Record<string, string> {
  const names = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (qs.length === 1) return names[0] ? { Value: names[0] } : {};
  const out: Record<string, string> = {};
  names.forEach((n, i) => {
    out[`Value #${String.fromCharCode(65 + i)}`] = n;
  });
  return out;
}

export function table(title: string, qs: Q[], o: TableOpts): TableBuilder {
  const rename = renames(qs, o.value);
  const first = Object.values(rename)[0] ?? 'Value';
  const exclude: Record<string, boolean> = {};
  for (const c of [...SCRAPE_LABELS, ...(o.hide ?? []), ...(o.hideValue ? ['Value'] : [])]) exclude[c] = true;
  const indexByName: Record<string, number> = {};
  for (const [i, c] of (o.order ?? []).entries()) indexByName[c] = i;
  const b = new TableBuilder()
    .title(title)
    .description(o.description)
    .datasource(DS)
    .targets(queries(qs.map((q) => ({ ...q, table: true }))))
    .span(o.width ?? 12)
    .height(o.height ?? 8)
    .unit(o.unit ?? 'short');
  // Several queries come back as several frames: merge them into one row per label set first.
  if (qs.length > 1) b.withTransformation({ id: 'merge', options: {} });
  b.withTransformation({ id: 'organize', options: { excludeByName: exclude, indexByName, renameByName: rename } });
  if (o.sortDesc) b.sortBy([new TableSortByFieldStateBuilder().displayName(first).desc(true)]);
  if (o.thresholds) b.thresholds(o.thresholds);
  if (o.bar) b.overrideByName(first, [cell({ type: TableCellDisplayMode.Gauge, mode: BarGaugeDisplayMode.Basic })]);
  else if (o.thresholds) b.overrideByName(first, [cell({ type: TableCellDisplayMode.ColorBackground })]);
  for (const [column, unit] of Object.entries(o.units ?? {})) b.overrideByName(column, [{ id: 'unit', value: unit }]);
  if (o.mappings) b.mappings(o.mappings);
  return b;
}

const cell = (value: object) => ({ id: 'custom.cellOptions', value });

export interface GaugeOpts extends Common {
  min?: number;
  max?: number;
}

/** One value against its limits (e.g. licence units used / capacity). */
export function gauge(title: string, q: Q, o: GaugeOpts): GaugeBuilder {
  const b = new GaugeBuilder()
    .title(title)
    .description(o.description)
    .datasource(DS)
    .targets(queries([{ ...q, instant: true }]))
    .unit(o.unit ?? 'percentunit')
    .min(o.min ?? 0)
    .max(o.max ?? 1)
    .span(o.width ?? 6)
    .height(o.height ?? 6)
    .showThresholdMarkers(true)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
  if (o.thresholds) b.thresholds(o.thresholds);
  return b;
}

/** One horizontal bar per series, e.g. the fullest repositories. */
export function barGauge(title: string, q: Q, o: GaugeOpts): BarGaugeBuilder {
  const b = new BarGaugeBuilder()
    .title(title)
    .description(o.description)
    .datasource(DS)
    .targets(queries([{ ...q, instant: true }]))
    .unit(o.unit ?? 'percentunit')
    .span(o.width ?? 8)
    .height(o.height ?? 8)
    .orientation(VizOrientation.Horizontal)
    .displayMode(BarGaugeDisplayMode.Basic)
    .valueMode(BarGaugeValueMode.Color)
    .showUnfilled(true)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
  if (o.min !== undefined) b.min(o.min);
  if (o.max !== undefined) b.max(o.max);
  if (o.thresholds) b.thresholds(o.thresholds);
  if (o.mappings) b.mappings(o.mappings);
  return b;
}
