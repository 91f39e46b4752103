// The Prometheus configurations users copy (examples/prometheus and the README's snippets, checked by promtool) agree
// with the job names the alert rules and dashboards select; the Alertmanager example routes them (amtool).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { promtool, requireBinary } from '../helpers/promtool';
import { ROOT } from './promql';
import {
  EXPORTER_JOBS,
  exampleConfig,
  isProbe,
  type PrometheusConfig,
  readmePrometheusSnippets,
  type ScrapeConfig,
  selfOnly,
  TARGET_JOBS,
} from './scrape-configs';

const EXAMPLES = ['metrics.yml', 'probe.yml', 'http-sd-sharded.yml'];
const readme = readmePrometheusSnippets().map((text) => parse(text) as PrometheusConfig);
const all: Array<[string, PrometheusConfig]> = [
  ...EXAMPLES.map((f): [string, PrometheusConfig] => [f, exampleConfig(f)]),
  ...readme.map((c, i): [string, PrometheusConfig] => [`README snippet ${i + 1}`, c]),
];
const relabel = (s: ScrapeConfig, action: string) => s.relabel_configs?.find((r) => r.action === action);

describe('Prometheus configurations', () => {
  const hasPromtool = requireBinary('promtool');

  it.each(EXAMPLES)('promtool check config %s (and the rule files it loads)', (file) => {
    if (!hasPromtool) return;
    const r = promtool(['check', 'config', join(ROOT, 'examples', 'prometheus', file)]);
    expect({ file, code: r.code, output: r.output }).toEqual({
      file,
      code: 0,
      output: expect.stringContaining('SUCCESS: 2 rule files found'),
    });
  });

  it('promtool check config accepts the README snippets as pasted', () => {
    expect(readme).toHaveLength(2);
    if (!hasPromtool) return;
    const dir = mkdtempSync(join(tmpdir(), 'readme-'));
    try {
      for (const [i, text] of readmePrometheusSnippets().entries()) {
        writeFileSync(join(dir, `${i}.yml`), text);
        const r = promtool(['check', 'config', join(dir, `${i}.yml`)]);
        expect({ snippet: i + 1, code: r.code, output: r.output }).toEqual({
          snippet: i + 1,
          code: 0,
          output: expect.stringContaining('SUCCESS'),
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Prometheus configurations and the alert rules', () => {
  it.each(all)('%s: job names are the ones the alert rules and dashboards select by default', (_name, cfg) => {
    for (const s of cfg.scrape_configs) {
      const carriesTargets = isProbe(s) || !selfOnly(s);
      const carriesSelf = !isProbe(s);
      expect({
        job: s.job_name,
        targets: carriesTargets && TARGET_JOBS.test(s.job_name),
        self: carriesSelf && EXPORTER_JOBS.test(s.job_name),
      }).toEqual({
        job: s.job_name,
        targets: carriesTargets,
        self: carriesSelf,
      });
    }
  });

  it.each(all.filter(([, c]) => c.scrape_configs.some(isProbe)))(
    '%s: /probe targets are discovered from /targets, keep their name as instance, and the self-metrics are scraped too',
    (_name, cfg) => {
      for (const s of cfg.scrape_configs.filter(isProbe)) {
        expect(s.http_sd_configs?.[0]?.url).toMatch(/^http:\/\/[^/]+:9897\/targets$/);
        expect(s.static_configs).toBeUndefined();
        expect(s.relabel_configs).toEqual(
          expect.arrayContaining([
            { source_labels: ['__address__'], target_label: '__param_target' },
            { source_labels: ['__param_target'], target_label: 'instance' },
          ]),
        );
      }
      expect(cfg.scrape_configs.filter(selfOnly).map((s) => s.metrics_path ?? '/metrics')).toEqual(['/metrics']);
    },
  );

  it('the sharded example keeps each hashmod shard exactly once and pins Huawei CloudDC to the scheduler replica', () => {
    const shards = exampleConfig('http-sd-sharded.yml').scrape_configs.filter(isProbe);
    expect(new Set(shards.map((s) => relabel(s, 'hashmod')?.modulus))).toEqual(new Set([shards.length]));
    expect(shards.map((s) => relabel(s, 'keep')?.regex).sort()).toEqual(shards.map((_s, i) => String(i)));
    for (const s of shards)
      expect(s.relabel_configs).toContainEqual({
        source_labels: ['__meta_backup_exporter_product'],
        regex: 'huawei_clouddc',
        target_label: '__tmp_shard',
        replacement: '0',
      });
    const text = readFileSync(join(ROOT, 'examples', 'prometheus', 'http-sd-sharded.yml'), 'utf8');
    expect(text).toMatch(/^# +backup-exporter --config\.file=\S+ --no-schedulers +# backup-exporter-1$/m);
  });
});

describe('Alertmanager example', () => {
  const hasAmtool = requireBinary('amtool');
  const config = join(ROOT, 'examples', 'alertmanager', 'alertmanager.yml');
  const run = (args: string[]) => {
    const r = spawnSync('amtool', args, { encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, output: `${r.stdout}${r.stderr}` };
  };
  const route = (...labels: string[]) =>
    run(['config', 'routes', 'test', `--config.file=${config}`, ...labels])
      .stdout.trim()
      .split('\n')
      .pop();

  it('amtool check-config accepts it', () => {
    if (!hasAmtool) return;
    const r = run(['check-config', config]);
    expect({ code: r.code, output: r.output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('routes critical alerts to on-call and the rest to the backup team', () => {
    if (!hasAmtool) return;
    expect(route('alertname=BackupJobFailed', 'severity=critical')).toBe('backup-oncall');
    expect(route('alertname=BackupTargetDown', 'severity=critical')).toBe('backup-oncall');
    expect(route('alertname=BackupLicenseExpiring', 'severity=critical')).toBe('backup-oncall');
    expect(route('alertname=BackupJobWarning', 'severity=warning')).toBe('backup-team');
    expect(route('alertname=BackupRepositoryAlmostFull', 'severity=warning')).toBe('backup-team');
  });
});
