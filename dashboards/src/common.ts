// House style shared by every dashboard: the settings-derived selectors, the datasource reference, the variables
// and small helpers. Dashboards then read like a table of contents of panels.
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import {
  ConstantVariableBuilder,
  DashboardBuilder,
  DashboardLinkBuilder,
  DashboardLinkType,
  DatasourceVariableBuilder,
  MappingType,
  type Panel,
  QueryVariableBuilder,
  RowBuilder,
  type Threshold,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type ValueMapping,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import type { MonitoringConfig } from './config';
import { matchers } from './promql';

/** Every query goes through the `datasource` variable: no panel is bound to a datasource uid. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a template literal
export const DS: DataSourceRef = { type: 'prometheus', uid: '${datasource}' };
export const HOUR = 3600;

/** The settings and the selectors every query of a dashboard starts from. */
export interface Mixin {
  cfg: MonitoringConfig;
  /** Target series: the settings' selector, the scrape job and instance, target and product variables. */
  target: string;
  /** Job series: `target` plus the tenant and job name variables. */
  job: string;
  /** The exporter's own metrics: the settings' selector and the scrape job and instance variables. */
  self: string;
}

const SCRAPE = 'job=~"$job", instance=~"$instance"';
const TARGET_VARS = 'target=~"$target", product=~"$product"';

export function mixin(cfg: MonitoringConfig): Mixin {
  const target = matchers(cfg.selectors.targets, SCRAPE, TARGET_VARS);
  return {
    cfg,
    target,
    job: matchers(target, 'tenant=~"$tenant", job_name=~"$job_name"'),
    self: matchers(cfg.selectors.exporter, SCRAPE),
  };
}

/** A variable over a label; multi-valued with an All of `.*` so that absent labels still match. */
export function labelVariable(name: string, label: string, metric: string, selector: string, labelName = name) {
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

export function productVariable(m: Mixin): QueryVariableBuilder {
  return labelVariable('product', 'Product', 'backup_target_up', m.cfg.selectors.targets);
}

/**
 * The scrape job and instance of the target series, then the target. Two Prometheus jobs that scrape the same
 * exporter store every series twice: picking one job keeps panels from counting them twice.
 */
export function targetVariables(m: Mixin): QueryVariableBuilder[] {
  const base = matchers(m.cfg.selectors.targets, 'product=~"$product"');
  return [
    labelVariable('job', 'Scrape job', 'backup_target_up', base),
    labelVariable('instance', 'Instance', 'backup_target_up', matchers(base, 'job=~"$job"')),
    labelVariable('target', 'Target', 'backup_target_up', matchers(base, SCRAPE)),
  ];
}

/** The job variables (`tenant`, `job_name`) for products with jobs. */
export function jobVariables(m: Mixin, tenantLabel = 'Tenant'): QueryVariableBuilder[] {
  return [
    labelVariable('tenant', tenantLabel, 'backup_job_status', m.target),
    labelVariable('job_name', 'Job', 'backup_job_status', matchers(m.target, 'tenant=~"$tenant"')),
  ];
}

export function dashboard(m: Mixin, uid: string, title: string, description: string): DashboardBuilder {
  const g = m.cfg.grafana;
  return new DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags(g.tags)
    .editable()
    .refresh(g.refresh)
    .time({ from: g.timeFrom, to: 'now' })
    .timezone(g.timezone)
    .link(
      new DashboardLinkBuilder('Backup dashboards')
        .type(DashboardLinkType.Dashboards)
        .tags(g.tags.slice(0, 1))
        .asDropdown(true)
        .includeVars(true)
        .keepTime(true),
    );
}

export type PanelBuilder = Builder<Panel>;
export type Section = [title: string, panels: PanelBuilder[]];

/** Adds each section as a row with its panels, so a dashboard reads like its table of contents. */
export function sections(d: DashboardBuilder, rows: Section[]): DashboardBuilder {
  for (const [title, panels] of rows) {
    d.withRow(new RowBuilder(title));
    for (const p of panels) d.withPanel(p);
  }
  return d;
}

export function thresholds(steps: Array<[number | null, string]>): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder()
    .mode(ThresholdsMode.Absolute)
    .steps(steps.map(([value, color]): Threshold => ({ value, color })));
}

/** Green, then red from `bad` on: for counts of bad things. */
export const redFrom = (bad: number) =>
  thresholds([
    [null, 'green'],
    [bad, 'red'],
  ]);

/** Colours for "time since" values: green until `warnAfter`, orange until `badAfter`, then red. */
export function ageThresholds(warnAfter: number, badAfter: number) {
  return thresholds([
    [null, 'green'],
    [warnAfter, 'orange'],
    [badAfter, 'red'],
  ]);
}

export function valueText(map: Record<string, [string, string]>): ValueMapping[] {
  const options: Record<string, { text: string; color: string; index: number }> = {};
  Object.entries(map).forEach(([value, [text, color]], index) => {
    options[value] = { text, color, index };
  });
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
  disabled: '#8e8e8e',
};

export function fixedColour(colour: string) {
  return [{ id: 'color', value: { mode: 'fixed', fixedColor: colour } }];
}
