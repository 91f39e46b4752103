// The exporter and its targets: can Prometheus reach the exporter, can the exporter reach the vendor APIs.
import type { MonitoringConfig } from '../config';
import { percent, type RuleGroup, selectors, spoken } from './rule';

export function exporterRules(cfg: MonitoringConfig): RuleGroup {
  const { t, e } = selectors(cfg);
  const f = cfg.for;
  const near = cfg.thresholds.collectionNearTimeoutRatio;
  return {
    name: 'backup-exporter',
    rules: [
      {
        alert: 'BackupExporterDown',
        comment: 'The scrapes of /metrics, as the settings select them (selectors.exporter).',
        expr: `${e('up')} == 0`,
        for: f.exporterDown,
        severity: 'critical',
        summary: 'backup-exporter {{ $labels.instance }} cannot be scraped',
        description: `Prometheus job {{ $labels.job }} has not reached {{ $labels.instance }} for ${spoken(f.exporterDown)}: no backup data is collected.`,
      },
      {
        alert: 'BackupExporterConfigReloadFailed',
        expr: `${e('backup_exporter_config_last_reload_successful')} == 0`,
        for: '5m',
        severity: 'warning',
        summary: 'backup-exporter {{ $labels.instance }} runs an old configuration',
        description:
          'The last configuration reload failed; the exporter keeps running with the previous configuration.',
      },
      {
        alert: 'BackupTargetDown',
        expr: `${t('backup_target_up')} == 0`,
        for: f.targetDown,
        severity: 'critical',
        summary: '{{ $labels.product }} target {{ $labels.target }} is down',
        description: `Login, API version detection or the inventory of {{ $labels.target }} has failed for ${spoken(f.targetDown)}. No job or server series are collected for it.`,
      },
      {
        alert: 'BackupCollectorFailing',
        comment: 'A down target fails every collector; BackupTargetDown covers that case.',
        expr: `${t('backup_target_collector_success')} == 0\nunless on (target, product) (${t('backup_target_up')} == 0)`,
        for: f.collectorFailing,
        severity: 'warning',
        summary: '{{ $labels.product }} target {{ $labels.target }}: collector {{ $labels.collector }} failing',
        description: `The {{ $labels.collector }} part of the collection of {{ $labels.target }} has failed for ${spoken(f.collectorFailing)}; the series that depend on it are missing.`,
      },
      {
        alert: 'BackupCollectionNearTimeout',
        expr: `${t('backup_target_scrape_duration_seconds')} / ${t('backup_target_scrape_timeout_seconds')} > ${near}`,
        for: '15m',
        severity: 'warning',
        summary: 'Collection of {{ $labels.target }} uses {{ $value | humanizePercentage }} of its timeout',
        description: `Collections of {{ $labels.target }} have used more than ${percent(near)} of their deadline for 15 minutes. Past 100% the target goes down.`,
      },
    ],
  };
}
