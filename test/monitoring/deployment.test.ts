// The deployment examples: the systemd unit (systemd-analyze, and its Node.js version guard run for real) and the
// Kubernetes manifests (read-only root with a writable state volume, ConfigMap without subPath and a reloader, a
// configuration the exporter itself accepts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { hasBinary } from '../helpers/promtool';
import { ROOT } from './promql';
import { TARGET_JOBS } from './scrape-configs';
import { NODE_FLAGS } from '../../src/main';

const EX = join(ROOT, 'examples');
// biome-ignore lint/suspicious/noExplicitAny: parsed manifests, probed field by field
type Obj = Record<string, any>;

describe('systemd unit', () => {
  const unit = readFileSync(join(EX, 'systemd', 'backup-exporter.service'), 'utf8');
  const guard = /^ExecStartPre=\/usr\/bin\/node -e "(.+)"$/m.exec(unit)?.[1] ?? '';
  /** Runs the unit's version guard as if `node --version` were `version`. */
  const guardOn = (version: string) =>
    spawnSync(
      process.execPath,
      ['-e', `Object.defineProperty(process.versions, 'node', { value: '${version}' }); ${guard}`],
      {
        encoding: 'utf8',
      },
    );

  it('runs the built exporter with /usr/bin/node, a config file, SIGHUP reloads and a state directory', () => {
    expect(unit).toContain(`\nExecStart=/usr/bin/node ${NODE_FLAGS.join(' ')} /opt/backup-exporter/dist/main.js \\\n`);
    expect(unit).toMatch(/--config\.file=\/etc\/backup-exporter\/config\.yaml/);
    expect(unit).toMatch(/^ExecReload=\/bin\/kill -HUP \$MAINPID$/m);
    expect(unit).toMatch(/^StateDirectory=backup-exporter$/m);
    expect(unit).toMatch(/^RestartPreventExitStatus=1 2$/m);
    expect(unit).toMatch(/^# +curl -fsSL https:\/\/deb\.nodesource\.com\/setup_22\.x /m); // how Node.js >= 20.18.1 gets there
  });

  it.each([
    ['18.20.4', 1], // Debian 12's nodejs
    ['20.18.0', 1],
    ['20.18.1', 0],
    ['22.0.0', 0],
  ])('refuses to start on Node.js %s unless it is 20.18.1 or newer (exit %d)', (version, code) => {
    expect(guard).not.toBe('');
    const r = guardOn(version);
    expect({ code: r.status, stderr: r.stderr.trim() }).toEqual({
      code,
      stderr: code ? `backup-exporter needs Node.js 20.18.1 or newer; /usr/bin/node is ${version}` : '',
    });
  });

  it('systemd-analyze verify finds nothing (when available)', () => {
    if (!hasBinary('systemd-analyze')) return console.warn('SKIPPING: systemd-analyze not found');
    // Verify a copy that uses this machine's node, so only the unit itself is judged.
    const dir = mkdtempSync(join(tmpdir(), 'unit-'));
    try {
      const file = join(dir, 'backup-exporter.service');
      writeFileSync(file, unit.replaceAll('/usr/bin/node ', `${process.execPath} `));
      const r = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
      expect({ code: r.status, output: `${r.stdout}${r.stderr}`.trim() }).toEqual({ code: 0, output: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const docs = ['deployment.yaml', 'service.yaml', 'servicemonitor.yaml', 'prometheusrule.yaml'].flatMap((f) =>
  parseAllDocuments(readFileSync(join(EX, 'kubernetes', f), 'utf8')).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Obj;
  }),
);
const kind = (k: string) => docs.find((d) => d.kind === k) as Obj;
const pod = kind('Deployment').spec.template.spec;
const exporter = pod.containers.find((c: Obj) => c.name === 'backup-exporter');
const reloader = pod.containers.find((c: Obj) => c.name === 'config-reloader');
const config = parse(kind('ConfigMap').data['config.yaml']) as Obj;
const mountOf = (c: Obj, volume: string) => c.volumeMounts.find((m: Obj) => m.name === volume);

describe('Kubernetes manifests', () => {
  it('has the expected objects, wired together', () => {
    expect(docs.map((d) => `${d.apiVersion} ${d.kind}`).sort()).toEqual([
      'apps/v1 Deployment',
      'monitoring.coreos.com/v1 PrometheusRule',
      'monitoring.coreos.com/v1 ServiceMonitor',
      'v1 ConfigMap',
      'v1 PersistentVolumeClaim',
      'v1 Secret',
      'v1 Service',
    ]);
    expect(kind('Deployment').spec.selector.matchLabels).toEqual(kind('Deployment').spec.template.metadata.labels);
    expect(kind('Service').spec.selector).toEqual(kind('Deployment').spec.template.metadata.labels);
    expect(exporter.ports).toEqual([{ name: 'http', containerPort: 9897 }]);
    expect(kind('ServiceMonitor').spec.selector.matchLabels).toEqual(kind('Service').metadata.labels);
    expect(kind('ServiceMonitor').spec.endpoints[0]).toMatchObject({ port: 'http', path: '/metrics' });
    expect(exporter.readinessProbe.httpGet.path).toBe('/-/ready');
    expect(exporter.livenessProbe.httpGet.path).toBe('/-/healthy');
  });

  it('mounts the ConfigMap and the Secret as directories (never subPath) and reloads the exporter when they change', () => {
    for (const c of pod.containers)
      for (const m of c.volumeMounts)
        expect({ container: c.name, mount: m.name, subPath: m.subPath }).toEqual({
          container: c.name,
          mount: m.name,
          subPath: undefined,
        });
    const configDir = mountOf(exporter, 'config').mountPath;
    expect(exporter.args).toContain(`--config.file=${configDir}/config.yaml`);
    expect(reloader.image).toMatch(/^ghcr\.io\/jimmidyson\/configmap-reload:v\d+\.\d+\.\d+$/);
    expect(reloader.args).toEqual(
      expect.arrayContaining([
        `--volume-dir=${configDir}`,
        `--volume-dir=${mountOf(exporter, 'secrets').mountPath}`,
        '--webhook-url=http://127.0.0.1:9897/-/reload',
        '--webhook-method=POST',
      ]),
    );
    expect(mountOf(reloader, 'config').mountPath).toBe(configDir);
  });
});

describe('Kubernetes pod', () => {
  it('has a read-only root filesystem and a writable volume holding the log export state and downloads', () => {
    for (const c of pod.containers)
      expect({ c: c.name, ro: c.securityContext.readOnlyRootFilesystem }).toEqual({ c: c.name, ro: true });
    const state = mountOf(exporter, 'state');
    expect(state.readOnly).toBeUndefined();
    expect(pod.volumes.find((v: Obj) => v.name === 'state').persistentVolumeClaim.claimName).toBe(
      kind('PersistentVolumeClaim').metadata.name,
    );
    const exports = config.targets.map((t: Obj) => t.log_exports).filter(Boolean);
    expect(exports.length).toBeGreaterThan(0);
    for (const e of exports)
      for (const p of [e.state_file, e.download_dir]) expect(p.startsWith(`${state.mountPath}/`)).toBe(true);
    expect(kind('Deployment').spec.strategy).toEqual({ type: 'Recreate' });
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 });
  });

  it("the ServiceMonitor's job name and scrape timeout suit the rules and the targets' timeout", () => {
    const endpoint = kind('ServiceMonitor').spec.endpoints[0];
    expect(endpoint.relabelings).toEqual([{ targetLabel: 'job', replacement: 'backup' }]);
    expect(TARGET_JOBS.test('backup')).toBe(true);
    const seconds = (d: string) => Number(/^(\d+)s$/.exec(d)?.[1]);
    expect(seconds(endpoint.scrapeTimeout)).toBeGreaterThan(seconds(config.global.timeout));
  });

  it('the exporter accepts the configuration (--config.check), with every secret file from the Secret', () => {
    const main = join(ROOT, 'dist', 'main.js');
    if (!existsSync(main)) throw new Error('run `npm run build` first');
    const dir = mkdtempSync(join(tmpdir(), 'k8s-config-'));
    try {
      const secrets = mountOf(exporter, 'secrets').mountPath;
      mkdirSync(join(dir, 'secrets'));
      for (const [k, v] of Object.entries(kind('Secret').stringData as Record<string, string>))
        writeFileSync(join(dir, 'secrets', k), v);
      const text = kind('ConfigMap')
        .data['config.yaml'].replaceAll(`${secrets}/`, `${dir}/secrets/`)
        .replaceAll(mountOf(exporter, 'state').mountPath, join(dir, 'state'));
      writeFileSync(join(dir, 'config.yaml'), text);
      const r = spawnSync(process.execPath, [main, '--config.check', `--config.file=${join(dir, 'config.yaml')}`], {
        encoding: 'utf8',
      });
      expect({ code: r.status, output: `${r.stdout}${r.stderr}`.trim() }).toEqual({ code: 0, output: 'config OK' });
      expect(text.match(/password_file: \S+/g)?.length).toBe(Object.keys(kind('Secret').stringData).length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
