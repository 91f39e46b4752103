// A real Prometheus (Debian's 2.42) scrapes the demo (the four vendor simulators and the exporter on them)
// through the sharded /targets + /probe example with the repository's alert rules loaded. Then every dashboard
// query must return data, and the simulators' failing jobs must show up as pending or firing alerts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { requireBinary } from '../helpers/promtool';
import { allValues, committedDashboards, panelQueries, substitute } from './grafana';
import { startPrometheus, until, type PrometheusServer, type PromResult } from './prometheus-server';
import { ROOT } from './promql';

interface Demo {
  url: string;
  close(): Promise<void>;
}
type StartDemo = (opts: { listen?: string; log?: unknown }) => Promise<Demo>;

const DEMO = join(ROOT, 'src', 'demo', 'demo.ts');
const EXAMPLE = join(ROOT, 'examples', 'prometheus', 'http-sd-sharded.yml');

function demoAvailable(): boolean {
  if (existsSync(DEMO)) return true;
  if (process.env.CI === 'true') throw new Error(`${DEMO} is missing`);
  console.warn(`SKIPPING: ${DEMO} does not exist yet`);
  return false;
}
const enabled = requireBinary('prometheus') && demoAvailable();
const maybe = enabled ? describe : describe.skip;

/** The sharded example with both replicas pointing at the demo, 2 s scrapes and absolute rule files. */
function prometheusConfig(hostPort: string): Record<string, any> {
  const cfg = parse(
    readFileSync(EXAMPLE, 'utf8').replace(/backup-exporter(-\d)?\.example\.com:9897/g, hostPort),
  ) as Record<string, any>;
  // 2 s scrapes give each target a 1.5 s deadline: enough headroom when the machine is busy with other tests.
  cfg.global = { scrape_interval: '2s', scrape_timeout: '2s', evaluation_interval: '1s' };
  cfg.rule_files = [
    join(ROOT, 'alerts', 'backup-exporter.yml'),
    join(ROOT, 'examples', 'prometheus', 'expected-interval.rules.yml'),
  ];
  for (const job of cfg.scrape_configs) {
    job.scrape_interval = '2s';
    job.scrape_timeout = '2s';
    for (const s of job.static_configs ?? []) s.targets = [...new Set(s.targets)];
  }
  return cfg;
}

const ID = ['target', 'tenant', 'job_id', 'destination_id'] as const;
const jobKey = (m: Record<string, string>) => ID.map((l) => m[l] ?? '').join('|');
const exportKey = (m: Record<string, string>) => `${m.target}|${m.server_id}`;

maybe('Prometheus scraping the demo', () => {
  let demo: Demo | undefined;
  let prom: PrometheusServer | undefined;
  let targets: string[] = [];

  beforeAll(async () => {
    const { startDemo } = require(DEMO) as { startDemo: StartDemo };
    const { silentLogger } = require('../../src/common/log') as { silentLogger(): unknown };
    demo = await startDemo({ listen: '127.0.0.1:0', log: silentLogger() });
    const groups = (await (await fetch(`${demo.url}/targets`)).json()) as Array<{ targets: string[] }>;
    targets = groups.flatMap((g) => g.targets).sort();
    prom = await startPrometheus(prometheusConfig(new URL(demo.url).host));
    // The first samples appear after ~6 s (target updates are throttled); rates need a few samples more.
    await until('three scrapes of every target and of the exporter', 45_000, async () => {
      const up = await prom!.query('count_over_time(backup_target_up[1m])');
      const self = await prom!.query('count_over_time(backup_exporter_build_info[1m])');
      const enough = (r: PromResult[]) => r.every((s) => Number(s.value![1]) >= 3);
      return up.length === targets.length && enough(up) && self.length > 0 && enough(self) ? true : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}\nprometheus log:\n${prom?.log()}`);
    });
  }, 90_000);

  afterAll(async () => {
    await prom?.stop();
    await demo?.close();
  }, 20_000);

  it('the http_sd example spreads every discovered target over exactly one shard, and all are up', async () => {
    const data = await prom!.api<{ activeTargets: Array<{ labels: Record<string, string>; health: string }> }>(
      '/api/v1/targets',
    );
    const probes = data.activeTargets.filter((t) => t.labels.job!.startsWith('backup-exporter-shard-'));
    expect(probes.map((t) => t.labels.instance).sort()).toEqual(targets);
    expect(probes.map((t) => [t.labels.instance, t.health])).toEqual(probes.map((t) => [t.labels.instance, 'up']));
    const targetUp = await prom!.query('backup_target_up');
    expect(targetUp.map((s) => [s.metric.target, s.value![1]]).sort()).toEqual(targets.map((t) => [t, '1']));
  });

  it('loads every rule group and evaluates every rule without error', async () => {
    type Groups = {
      groups: Array<{ file: string; rules: Array<{ name: string; health: string; lastError?: string }> }>;
    };
    const groups = await until('every rule evaluated', 15_000, async () => {
      const g = await prom!.api<Groups>('/api/v1/rules');
      return g.groups.every((x) => x.rules.every((r) => r.health !== 'unknown')) ? g : undefined;
    });
    const rules = groups.groups.flatMap((g) => g.rules);
    expect(rules.length).toBe(13);
    expect(rules.map((r) => [r.name, r.health, r.lastError ?? ''])).toEqual(rules.map((r) => [r.name, 'ok', '']));
  });

  it('every dashboard query returns data (variables set to All)', async () => {
    const queries = committedDashboards().flatMap(({ file, json }) => {
      const values = allValues(json);
      return panelQueries(json).map((q) => ({
        name: `${file} / ${q.panel} / ${q.refId}`,
        expr: substitute(q.expr, values),
      }));
    });
    const counts = async () =>
      Promise.all(queries.map(async (q) => ({ ...q, series: (await prom!.query(q.expr)).length })));
    // Some data comes later than the first scrapes (e.g. a log export archive once downloaded): poll a while.
    let last = await counts();
    await until('data for every dashboard query', 60_000, async () => {
      last = await counts();
      return last.every((q) => q.series > 0) ? true : undefined;
    }).catch(() => undefined);
    console.log(
      `series  dashboard / panel / query\n${last.map((q) => `${String(q.series).padStart(6)}  ${q.name}`).join('\n')}`,
    );
    expect(last.filter((q) => q.series === 0).map((q) => `${q.name}: ${q.expr}`)).toEqual([]);
  }, 90_000);

  it("the simulators' failed, warning and never-successful jobs raise alerts (and only real ones do)", async () => {
    const disabled = new Set((await prom!.query('backup_job_enabled == 0')).map((s) => jobKey(s.metric)));
    const jobsIn = async (expr: string) =>
      [...new Set((await prom!.query(expr)).map((s) => jobKey(s.metric)))].filter((k) => !disabled.has(k)).sort();
    const succeeded = new Set(
      (await prom!.query('backup_job_last_success_timestamp_seconds')).map((s) => jobKey(s.metric)),
    );
    const keysIn = async (expr: string, k: (m: Record<string, string>) => string) =>
      (await prom!.query(expr)).map((s) => k(s.metric)).sort();
    // Alerts that must be pending or firing now, from the raw series (not from the rules' expressions).
    const expected: Record<string, string[]> = {
      BackupJobFailed: await jobsIn('backup_job_status{status="failed"} == 1'),
      BackupJobWarning: await jobsIn('backup_job_status{status="warning"} == 1'),
      BackupJobNoSuccessInLookback: (await jobsIn('backup_job_status')).filter((k) => !succeeded.has(k)),
      BackupTargetDown: await keysIn('backup_target_up == 0', (m) => m.target!),
      BackupLogExportFailed: await keysIn('backup_log_export_status{state="failed"} == 1', exportKey),
    };
    // Alerts must not name anything that was not in that state recently (keep_firing_for holds them 30 m).
    const allowed: Record<string, string[]> = {
      BackupJobFailed: await jobsIn('max_over_time(backup_job_status{status="failed"}[5m]) == 1'),
      BackupJobWarning: await jobsIn('max_over_time(backup_job_status{status="warning"}[5m]) == 1'),
    };
    expect(expected.BackupJobFailed!.length).toBeGreaterThan(0);
    const KEYS: Record<string, (m: Record<string, string>) => string> = {
      BackupTargetDown: (m) => m.target!,
      BackupLogExportFailed: exportKey,
    };
    type Alerts = { alerts: Array<{ labels: Record<string, string>; state: string }> };
    const active = async () => {
      const { alerts } = await prom!.api<Alerts>('/api/v1/alerts');
      const got: Record<string, string[]> = {};
      for (const name of Object.keys(expected)) {
        got[name] = alerts
          .filter((a) => a.labels.alertname === name && ['pending', 'firing'].includes(a.state))
          .map((a) => (KEYS[name] ?? jobKey)(a.labels))
          .sort();
      }
      return got;
    };
    const missing = (got: Record<string, string[]>) =>
      Object.entries(expected).flatMap(([n, ks]) => ks.filter((k) => !got[n]!.includes(k)).map((k) => `${n} ${k}`));
    const got = await until('the expected alerts', 15_000, async () => {
      const g = await active();
      return missing(g).length === 0 ? g : undefined;
    }).catch(() => active());
    console.log(
      Object.entries(got)
        .map(([n, ks]) => `${n}: ${ks.length} pending or firing`)
        .join('\n'),
    );
    expect(missing(got)).toEqual([]);
    for (const [name, ks] of Object.entries(allowed))
      expect({ name, unexpected: got[name]!.filter((k) => !ks.includes(k)) }).toEqual({ name, unexpected: [] });
  });
});
