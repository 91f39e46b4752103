// House style shared by every dashboard: the datasource reference, the variables, the label selectors and
// small panel factories. Dashboards then read like a table of contents of panels.
import {
  ConstantVariableBuilder,
  DashboardBuilder,
  DashboardLinkBuilder,
  DashboardLinkType,
  DatasourceVariableBuilder,
  MappingType,
  QueryVariableBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  VariableRefresh,
  VariableSort,
  type Threshold,
  type ValueMapping,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';

/** Every query goes through the `datasource` variable: importing never binds a datasource uid. */
export const DS: DataSourceRef = { type: 'prometheus', uid: '${datasource}' };

/** Target series selector (every target series carries `target` and `product`). */
export const TARGET = 'target=~"$target", product=~"$product"';
/** Job series selector. `tenant` is omitted for some products; `.*` (the All value) also matches "absent". */
export const JOB = `${TARGET}, tenant=~"$tenant", job_name=~"$job_name"`;
/** The identity of a job (contract 4.2) plus the labels people read. */
export const JOB_ID = 'target, product, tenant, job_id, destination_id, job_name';

export const TAG = 'backup-exporter';
export const HOUR = 3600;

export interface Q {
  expr: string;
  legend?: string;
  /** Instant query rendered as a table (for table panels). */
  table?: boolean;
}

export function queries(qs: Q[]): DataqueryBuilder[] {
  return qs.map((q, i) => {
    const b = new DataqueryBuilder()
      .datasource(DS)
      .expr(q.expr)
      .refId(String.fromCharCode(65 + i));
    if (q.table) return b.instant().format(PromQueryFormat.Table);
    return b.range().legendFormat(q.legend ?? '__auto');
  });
}

/** A variable over a label; multi-valued with an All of `.*` so that absent labels still match. */
export function labelVariable(
  name: string,
  label: string,
  metric: string,
  selector: string,
  labelName = name,
): QueryVariableBuilder {
  const q = `label_values(${metric}${selector ? `{${selector}}` : ''}, ${labelName})`;
  return new QueryVariableBuilder(name)
    .label(label)
    .datasource(DS)
    .query(q)
    .definition(q)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current({ text: 'All', value: '$__all' });
}

export function datasourceVariable(): DatasourceVariableBuilder {
  return new DatasourceVariableBuilder('datasource').label('Data source').type('prometheus');
}

/** A product dashboard pins `product` with a hidden constant, so its queries match the overview's. */
export function productConstant(product: string): ConstantVariableBuilder {
  return new ConstantVariableBuilder('product').value(product);
}

export function productVariable(): QueryVariableBuilder {
  return labelVariable('product', 'Product', 'backup_target_up', '');
}

export function targetVariable(): QueryVariableBuilder {
  return labelVariable('target', 'Target', 'backup_target_up', 'product=~"$product"');
}

/** The job variables (`tenant`, `job_name`) for products with jobs. */
export function jobVariables(tenantLabel = 'Tenant'): QueryVariableBuilder[] {
  return [
    labelVariable('tenant', tenantLabel, 'backup_job_status', TARGET),
    labelVariable('job_name', 'Job', 'backup_job_status', `${TARGET}, tenant=~"$tenant"`),
  ];
}

export function dashboard(uid: string, title: string, description: string): DashboardBuilder {
  return new DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags([TAG])
    .editable()
    .refresh('1m')
    .time({ from: 'now-24h', to: 'now' })
    .timezone('browser')
    .link(
      new DashboardLinkBuilder('Backup dashboards')
        .type(DashboardLinkType.Dashboards)
        .tags([TAG])
        .asDropdown(true)
        .includeVars(true)
        .keepTime(true),
    );
}

export function thresholds(steps: Array<[number | null, string]>): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder()
    .mode(ThresholdsMode.Absolute)
    .steps(steps.map(([value, color]): Threshold => ({ value, color })));
}

/** Colours for "time since" values: green until `warnAfter`, orange until `badAfter`, then red. */
export function ageThresholds(warnAfter = 26 * HOUR, badAfter = 48 * HOUR) {
  return thresholds([
    [null, 'green'],
    [warnAfter, 'orange'],
    [badAfter, 'red'],
  ]);
}

export function valueText(map: Record<string, [string, string]>): ValueMapping[] {
  const options: Record<string, { text: string; color: string; index: number }> = {};
  Object.entries(map).forEach(([value, [text, color]], index) => (options[value] = { text, color, index }));
  return [{ type: MappingType.ValueToText, options }];
}

export const UP_MAPPING = valueText({ '0': ['Down', 'red'], '1': ['Up', 'green'] });

/** Fixed colours for the job state set, so "failed" is red on every panel. */
export const STATUS_COLOURS: Record<string, string> = {
  success: 'green',
  warning: 'orange',
  failed: 'red',
  running: 'blue',
  stopped: 'purple',
  none: 'text',
  unknown: 'yellow',
};

export function fixedColour(colour: string) {
  return [{ id: 'color', value: { mode: 'fixed', fixedColor: colour } }];
}
