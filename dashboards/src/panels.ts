// Panel factories: one place for units, legends, sizes and queries, so dashboards stay declarative.
import {
  BigValueColorMode,
  BigValueGraphMode,
  BigValueTextMode,
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  VizLegendOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import type { ThresholdsConfigBuilder, ValueMapping } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { DS, thresholds } from './common';

export interface Q {
  expr: string;
  legend?: string;
  /** Instant query rendered as a table (for table panels). */
  table?: boolean;
  /** Instant query (gauges and bar gauges show the value now, not a range). */
  instant?: boolean;
}

export function queries(qs: Q[]): DataqueryBuilder[] {
  return qs.map((q, i) => {
    const b = new DataqueryBuilder()
      .datasource(DS)
      .expr(q.expr)
      .refId(String.fromCharCode(65 + i));
    if (q.table) return b.instant().format(PromQueryFormat.Table);
    if (q.instant) return b.instant().legendFormat(q.legend ?? '__auto');
    return b.range().legendFormat(q.legend ?? '__auto');
  });
}

export interface Common {
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
    .targets(queries(Array.isArray(q) ? q : [q]))
    .unit(o.unit ?? 'short')
    .span(o.width ?? 4)
    .height(o.height ?? 4)
    .graphMode(BigValueGraphMode.None)
    .colorMode(o.background ? BigValueColorMode.Background : BigValueColorMode.Value)
    .textMode(BigValueTextMode.Auto)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .thresholds(o.thresholds ?? thresholds([[null, 'green']]));
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
