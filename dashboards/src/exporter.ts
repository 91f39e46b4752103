// Exporter health: is the exporter up, are its targets up, how close collections come to their deadline,
// how the vendor APIs answer, logins and caches.
import {
  dashboard,
  datasourceVariable,
  labelVariable,
  type Mixin,
  type PanelBuilder,
  productVariable,
  redFrom,
  sections,
  thresholds,
  UP_MAPPING,
  valueText,
} from './common';
import {
  cacheHitRatio,
  collectionDuration,
  collectionVsTimeout,
  logins,
  selectors,
  targets,
  upstreamErrors,
  upstreamLatency,
  upstreamRequests,
} from './exporter-panels';
import { stat } from './panels';
import { matchers } from './promql';
import { table } from './tables';

const greenFrom = (good: number) =>
  thresholds([
    [null, 'red'],
    [good, 'green'],
  ]);

function summary(m: Mixin): PanelBuilder[] {
  const { SELF, TARGET } = selectors(m);
  const reload = valueText({ '0': ['Failed', 'red'], '1': ['OK', 'green'] });
  return [
    stat(
      'Exporter up',
      { expr: `min(up{${SELF}})` },
      {
        description: 'Prometheus reached every selected exporter instance.',
        mappings: UP_MAPPING,
        background: true,
        thresholds: greenFrom(1),
      },
    ),
    stat(
      'Targets up',
      { expr: `sum(backup_target_up{${TARGET}})` },
      { description: 'Targets whose last collection succeeded.' },
    ),
    stat(
      'Targets down',
      { expr: `count(backup_target_up{${TARGET}} == 0) or vector(0)` },
      {
        description: 'Targets whose login, version detection or inventory failed.',
        background: true,
        thresholds: redFrom(1),
      },
    ),
    stat(
      'Last config reload',
      { expr: `min(backup_exporter_config_last_reload_successful{${SELF}})` },
      {
        description: 'Whether the last configuration (re)load succeeded.',
        background: true,
        mappings: reload,
        thresholds: greenFrom(1),
      },
    ),
    table('Version', [{ expr: `backup_exporter_build_info{${SELF}}` }], {
      description: 'Build of each exporter instance.',
      hideValue: true,
      width: 8,
      height: 4,
      order: ['version', 'revision', 'nodejs_version'],
    }),
  ];
}

export function exporter(m: Mixin) {
  const exporterJobs = m.cfg.selectors.exporter;
  const d = dashboard(
    m,
    'backup-exporter-health',
    'Backup exporter health',
    'The exporter itself: targets, collection deadlines, vendor API requests, logins and caches.',
  ).variables([
    datasourceVariable(),
    labelVariable('job', 'Scrape job', 'backup_exporter_build_info', exporterJobs),
    labelVariable('instance', 'Exporter', 'backup_exporter_build_info', matchers(exporterJobs, 'job=~"$job"')),
    productVariable(m),
    labelVariable('target', 'Target', 'backup_target_up', matchers(m.cfg.selectors.targets, 'product=~"$product"')),
  ]);
  return sections(d, [
    ['Exporter', summary(m)],
    ['Targets', [targets(m), collectionVsTimeout(m), collectionDuration(m)]],
    ['Vendor APIs', [upstreamRequests(m), upstreamErrors(m), upstreamLatency(m), logins(m)]],
    ['Caches', [cacheHitRatio(m)]],
  ]);
}
