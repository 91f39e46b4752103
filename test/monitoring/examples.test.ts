// The deployment examples users copy: Prometheus configs (promtool), Alertmanager routing (amtool), the
// systemd unit (systemd-analyze when present) and the Kubernetes manifests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { hasBinary, promtool, requireBinary } from '../helpers/promtool';
import { ROOT } from './promql';

const EX = join(ROOT, 'examples');
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, output: `${r.stdout}${r.stderr}` };
};

describe('Prometheus examples', () => {
  const hasPromtool = requireBinary('promtool');

  it.each(['metrics.yml', 'probe.yml', 'http-sd-sharded.yml'])(
    'promtool check config %s (and the rule files it loads)',
    (file) => {
      if (!hasPromtool) return;
      const r = promtool(['check', 'config', join(EX, 'prometheus', file)]);
      expect({ file, code: r.code, output: r.output }).toEqual({
        file,
        code: 0,
        output: expect.stringContaining('SUCCESS: 2 rule files found'),
      });
    },
  );

  it('/probe examples pass the target name as ?target= and keep it as the instance', () => {
    for (const file of ['probe.yml', 'http-sd-sharded.yml']) {
      const cfg = parse(readFileSync(join(EX, 'prometheus', file), 'utf8')) as {
        scrape_configs: Array<Record<string, any>>;
      };
      const probes = cfg.scrape_configs.filter((s) => s.metrics_path === '/probe');
      expect(probes.length).toBeGreaterThan(0);
      for (const s of probes) {
        expect(s.relabel_configs).toEqual(
          expect.arrayContaining([
            { source_labels: ['__address__'], target_label: '__param_target' },
            { source_labels: ['__param_target'], target_label: 'instance' },
          ]),
        );
        expect(s.job_name).toMatch(/^backup-exporter/); // the BackupExporterDown selector
      }
    }
  });

  it('the sharded example keeps each hashmod shard exactly once', () => {
    const cfg = parse(readFileSync(join(EX, 'prometheus', 'http-sd-sharded.yml'), 'utf8')) as {
      scrape_configs: Array<Record<string, any>>;
    };
    const shards = cfg.scrape_configs.filter((s) => s.http_sd_configs);
    const moduli = shards.map(
      (s) => s.relabel_configs.find((r: { action?: string }) => r.action === 'hashmod').modulus,
    );
    const kept = shards
      .map((s) => s.relabel_configs.find((r: { action?: string }) => r.action === 'keep').regex)
      .sort();
    expect(new Set(moduli)).toEqual(new Set([shards.length]));
    expect(kept).toEqual(shards.map((_s, i) => String(i)));
    for (const s of shards) expect(s.http_sd_configs[0].url).toMatch(/\/targets$/);
  });
});

describe('Alertmanager example', () => {
  const hasAmtool = requireBinary('amtool');
  const config = join(EX, 'alertmanager', 'alertmanager.yml');
  const route = (...labels: string[]) =>
    run('amtool', ['config', 'routes', 'test', `--config.file=${config}`, ...labels])
      .stdout.trim()
      .split('\n')
      .pop();

  it('amtool check-config accepts it', () => {
    if (!hasAmtool) return;
    const r = run('amtool', ['check-config', config]);
    expect({ code: r.code, output: r.output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('routes critical alerts to on-call and the rest to the backup team', () => {
    if (!hasAmtool) return;
    expect(route('alertname=BackupJobFailed', 'severity=critical')).toBe('backup-oncall');
    expect(route('alertname=BackupTargetDown', 'severity=critical')).toBe('backup-oncall');
    expect(route('alertname=BackupJobWarning', 'severity=warning')).toBe('backup-team');
    expect(route('alertname=BackupCollectorFailing', 'severity=warning')).toBe('backup-team');
  });
});

describe('systemd unit', () => {
  const unit = readFileSync(join(EX, 'systemd', 'backup-exporter.service'), 'utf8');

  it('runs the built exporter with a config file, reloads with SIGHUP and keeps state', () => {
    expect(unit).toMatch(/^ExecStart=\S+node \/opt\/backup-exporter\/dist\/main\.js \\$/m);
    expect(unit).toMatch(/--config\.file=\/etc\/backup-exporter\/config\.yaml/);
    expect(unit).toMatch(/^ExecReload=\/bin\/kill -HUP \$MAINPID$/m);
    expect(unit).toMatch(/^StateDirectory=backup-exporter$/m);
    expect(unit).toMatch(/^RestartPreventExitStatus=1 2$/m);
  });

  it('systemd-analyze verify finds nothing (when available)', () => {
    if (!hasBinary('systemd-analyze')) return console.warn('SKIPPING: systemd-analyze not found');
    // Verify a copy whose ExecStart uses this machine's node, so only the unit itself is judged.
    const dir = mkdtempSync(join(tmpdir(), 'unit-'));
    try {
      const file = join(dir, 'backup-exporter.service');
      writeFileSync(file, unit.replace(/^ExecStart=\S+node /m, `ExecStart=${process.execPath} `));
      const r = run('systemd-analyze', ['verify', file]);
      expect({ code: r.code, output: r.output.trim() }).toEqual({ code: 0, output: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Kubernetes manifests', () => {
  const docs = ['deployment.yaml', 'service.yaml', 'servicemonitor.yaml', 'prometheusrule.yaml'].flatMap((f) =>
    parseAllDocuments(readFileSync(join(EX, 'kubernetes', f), 'utf8')).map((d) => {
      expect(d.errors).toEqual([]);
      return d.toJS() as Record<string, any>;
    }),
  );
  const kind = (k: string) => docs.find((d) => d.kind === k)!;

  it('has the expected objects', () => {
    expect(docs.map((d) => `${d.apiVersion} ${d.kind}`).sort()).toEqual([
      'apps/v1 Deployment',
      'monitoring.coreos.com/v1 PrometheusRule',
      'monitoring.coreos.com/v1 ServiceMonitor',
      'v1 ConfigMap',
      'v1 Secret',
      'v1 Service',
    ]);
  });

  it('wires Deployment, Service and ServiceMonitor together', () => {
    const pod = kind('Deployment').spec.template;
    const container = pod.spec.containers[0];
    expect(kind('Deployment').spec.selector.matchLabels).toEqual(pod.metadata.labels);
    expect(kind('Service').spec.selector).toEqual(pod.metadata.labels);
    expect(container.ports).toEqual([{ name: 'http', containerPort: 9897 }]);
    expect(kind('Service').spec.ports[0].targetPort).toBe('http');
    expect(kind('ServiceMonitor').spec.selector.matchLabels).toEqual(kind('Service').metadata.labels);
    expect(kind('ServiceMonitor').spec.endpoints[0]).toMatchObject({ port: 'http', path: '/metrics' });
    expect(container.readinessProbe.httpGet.path).toBe('/-/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/-/healthy');
  });

  it('mounts the config and every password_file the config names', () => {
    const config = parse(kind('ConfigMap').data['config.yaml']) as {
      targets: Array<{ auth: { password_file?: string } }>;
    };
    const secretKeys = Object.keys(kind('Secret').stringData);
    for (const t of config.targets) {
      const file = t.auth.password_file!;
      expect(file.startsWith('/etc/backup-exporter/secrets/')).toBe(true);
      expect(secretKeys).toContain(file.split('/').pop());
    }
    const args: string[] = kind('Deployment').spec.template.spec.containers[0].args;
    expect(args).toContain('--config.file=/etc/backup-exporter/config.yaml');
  });

  it("the ServiceMonitor scrape timeout leaves room for the targets' timeout", () => {
    const config = parse(kind('ConfigMap').data['config.yaml']) as { global: { timeout: string } };
    const seconds = (d: string) => Number(/^(\d+)s$/.exec(d)![1]);
    expect(seconds(kind('ServiceMonitor').spec.endpoints[0].scrapeTimeout)).toBeGreaterThan(
      seconds(config.global.timeout),
    );
  });
});
