// Panel factories: one place for units, legends, sizes and table clean-up, so dashboards stay declarative.
import type { ThresholdsConfigBuilder, ValueMapping } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  BigValueColorMode,
  BigValueGraphMode,
  BigValueTextMode,
  GraphThresholdsStyleConfigBuilder,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  TableCellDisplayMode,
  TableSortByFieldStateBuilder,
  VizLegendOptionsBuilder,
  GraphThresholdsStyleMode,
} from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TableBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { DS, queries, thresholds, type Q } from './common';

interface Common {
  description: string;
  unit?: string;
  width?: number;
  height?: number;
  thresholds?: ThresholdsConfigBuilder;
  mappings?: ValueMapping[];
}

export interface StatOpts extends Common {
  /** Colour the background by thresholds (counts of bad things) instead of the value text. */
  background?: boolean;
}

export function stat(title: string, q: Q | Q[], o: StatOpts): StatBuilder {
  const b = new StatBuilder()
    .title(title)
    .description(o.description)
    .datasource(DS)
    .withTarget(queries(Array.isArray(q) ? q : [q])[0]!)
    .unit(o.unit ?? 'short')
    .span(o.width ?? 4)
    .height(o.height ?? 4)
    .graphMode(BigValueGraphMode.None)
    .colorMode(o.background ? BigValueColorMode.Background : BigValueColorMode.Value)
    .textMode(BigValueTextMode.Auto)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .thresholds(o.thresholds ?? thresholds([[null, 'green']]));
  if (Array.isArray(q))
    queries(q)
      .slice(1)
      .forEach((t) => b.withTarget(t));
  if (o.mappings) b.mappings(o.mappings);
  return b;
}

export interface TimeseriesOpts extends Common {
  min?: number;
  max?: number;
  /** Draw the thresholds as a dashed line (e.g. the 80 % of timeout mark). */
  thresholdLine?: boolean;
}

export function timeseries(title: string, qs: Q[], o: TimeseriesOpts): TimeseriesBuilder {
  const b = new TimeseriesBuilder()
    .title(title)
    .description(o.description)
    .datasource(DS)
    .targets(queries(qs))
    .unit(o.unit ?? 'short')
    .span(o.width ?? 12)
    .height(o.height ?? 8)
    .fillOpacity(10)
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.Table)
        .placement(LegendPlacement.Bottom)
        .calcs(['lastNotNull', 'max']),
    );
  if (o.min !== undefined) b.min(o.min);
  if (o.max !== undefined) b.max(o.max);
  if (o.thresholds) b.thresholds(o.thresholds);
  if (o.thresholdLine) b.thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed));
  return b;
}

export interface TableOpts extends Common {
  /** Columns to hide besides Time and the scrape labels `job` and `instance`. */
  hide?: string[];
  /** Header for the Value column; the table is sorted by it when `sortDesc` is set. */
  value?: string;
  sortDesc?: boolean;
  /** Hide the Value column (tables whose information is in the labels, e.g. a state set `== 1`). */
  hideValue?: boolean;
  /** Column order for the labels people read first. */
  order?: string[];
}

const SCRAPE_LABELS = ['Time', 'job', 'instance', '__name__'];

export function table(title: string, qs: Q[], o: TableOpts): TableBuilder {
  const value = o.value ?? 'Value';
  const exclude: Record<string, boolean> = {};
  for (const c of [...SCRAPE_LABELS, ...(o.hide ?? []), ...(o.hideValue ? ['Value'] : [])]) exclude[c] = true;
  const indexByName: Record<string, number> = {};
  (o.order ?? []).forEach((c, i) => (indexByName[c] = i));
  const b = new TableBuilder()
    .title(title)
    .description(o.description)
    .datasource(DS)
    .targets(queries(qs.map((q) => ({ ...q, table: true }))))
    .span(o.width ?? 12)
    .height(o.height ?? 8)
    .unit(o.unit ?? 'short')
    .withTransformation({
      id: 'organize',
      options: { excludeByName: exclude, indexByName, renameByName: value === 'Value' ? {} : { Value: value } },
    });
  if (o.sortDesc) b.sortBy([new TableSortByFieldStateBuilder().displayName(value).desc(true)]);
  if (o.thresholds) {
    b.thresholds(o.thresholds);
    b.overrideByName(value, [{ id: 'custom.cellOptions', value: { type: TableCellDisplayMode.ColorBackground } }]);
  }
  if (o.mappings) b.mappings(o.mappings);
  return b;
}
