// Real Prometheus servers (Debian's 2.42) scrape the demo (the four vendor simulators and the exporter on them)
// through the README's two snippets as a user pastes them and through the sharded example, with the repository's
// alert rules loaded. Every dashboard query must return data, the alerts the demo's data justifies must be pending
// or firing (and no others), and the rules' selectors must match the README's job names.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS } from '../../dashboards/src/config';
import { requireBinary } from '../helpers/promtool';
import { allValues, committedDashboards, panelQueries, substitute } from './grafana';
import { activeAlerts, expectedAlerts, missing, unexpected } from './integration-alerts';
import { type Running, readmeSetups, shardedSetup, startAll } from './integration-setup';
import { until } from './prometheus-server';
import { ROOT } from './promql';

interface Demo {
  url: string;
  close(): Promise<void>;
}
type StartDemo = (opts: { listen?: string; log?: unknown }) => Promise<Demo>;

const DEMO = join(ROOT, 'src', 'demo', 'demo.ts');

function demoAvailable(): boolean {
  if (existsSync(DEMO)) return true;
  if (process.env.CI === 'true') throw new Error(`${DEMO} is missing`);
  console.warn(`SKIPPING: ${DEMO} does not exist yet`);
  return false;
}
const enabled = requireBinary('prometheus') && demoAvailable();
const maybe = enabled ? describe : describe.skip;

let demo: Demo | undefined;
let servers: Running[] = [];
let targets: string[] = [];
const server = (name: string) => {
  const s = servers.find((x) => x.name === name);
  if (!s) throw new Error(`no Prometheus for ${name}`);
  return s;
};

const QUERIES = committedDashboards().flatMap(({ file, json }) =>
  panelQueries(json).map((q) => ({
    name: `${file} / ${q.panel} / ${q.refId}`,
    expr: substitute(q.expr, allValues(json)),
  })),
);

// One demo and one Prometheus per setup for every test below (when the tools are there).
if (enabled) {
  beforeAll(async () => {
    const { startDemo } = require(DEMO) as { startDemo: StartDemo };
    const { silentLogger } = require('../../src/common/log') as { silentLogger(): unknown };
    demo = await startDemo({ listen: '127.0.0.1:0', log: silentLogger() });
    const groups = (await (await fetch(`${demo.url}/targets`)).json()) as Array<{ targets: string[] }>;
    targets = groups.flatMap((g) => g.targets).sort();
    const host = new URL(demo.url).host;
    servers = await startAll([...(await readmeSetups(host)), shardedSetup(host)], targets);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.prom.stop()));
    await demo?.close();
  }, 20_000);
}

maybe('Prometheus scraping the demo: targets and rules', () => {
  it('the sharded example spreads the discovered targets over the shards, Huawei CloudDC on shard 0, all up', async () => {
    type Targets = { activeTargets: Array<{ labels: Record<string, string>; health: string }> };
    const data = await server('sharded example').prom.api<Targets>('/api/v1/targets');
    const probes = data.activeTargets.filter((t) => t.labels.job?.startsWith('backup-targets-'));
    expect(probes.map((t) => t.labels.instance).sort()).toEqual(targets);
    expect(probes.map((t) => [t.labels.instance, t.health])).toEqual(probes.map((t) => [t.labels.instance, 'up']));
    const clouddc = probes.filter((t) => t.labels.instance?.startsWith('clouddc'));
    expect(clouddc.map((t) => t.labels.job)).toEqual(clouddc.map(() => 'backup-targets-0'));
  });

  it.each(['README plain setup', 'README multi-target setup'])(
    '%s: the rules select the exporter by the README job names, and every target series',
    async (name) => {
      const { prom, deadExporter, config } = server(name);
      const selfJobs = config.scrape_configs.filter((s) => s.metrics_path !== '/probe');
      const exporterUp = await prom.query(`up{${DEFAULTS.selectors.exporter}}`);
      const scraped = selfJobs.flatMap((s) =>
        (s.static_configs ?? []).flatMap((c) => c.targets.map((t) => `${s.job_name} ${t}`)),
      );
      expect(exporterUp.map((s) => `${s.metric.job} ${s.metric.instance}`).sort()).toEqual(scraped.sort());
      expect(scraped.some((t) => t.endsWith(` ${deadExporter}`))).toBe(true);
      expect(
        await prom.query(`backup_exporter_config_last_reload_successful{${DEFAULTS.selectors.exporter}} == 1`),
      ).toHaveLength(1);
      const targetUp = await prom.query(`backup_target_up{${DEFAULTS.selectors.targets}}`);
      expect(targetUp.map((s) => s.metric.target).sort()).toEqual(targets);
    },
  );

  it('every setup loads every rule group and evaluates every rule without error', async () => {
    type Groups = { groups: Array<{ rules: Array<{ name: string; health: string; lastError?: string }> }> };
    for (const { name, prom } of servers) {
      const groups = await until(`every rule evaluated (${name})`, 15_000, async () => {
        const g = await prom.api<Groups>('/api/v1/rules');
        return g.groups.every((x) => x.rules.every((r) => r.health !== 'unknown')) ? g : undefined;
      });
      const rules = groups.groups.flatMap((g) => g.rules);
      expect({ name, rules: rules.length }).toEqual({ name, rules: 25 });
      expect(rules.map((r) => [name, r.name, r.health, r.lastError ?? ''])).toEqual(
        rules.map((r) => [name, r.name, 'ok', '']),
      );
    }
  });
});

maybe('Prometheus scraping the demo: dashboards and alerts', () => {
  it('every dashboard query returns data (variables set to All), in every setup', async () => {
    const counts = async (r: Running) =>
      Promise.all(QUERIES.map(async (q) => ({ ...q, series: (await r.prom.query(q.expr)).length })));
    // Some data comes later than the first scrapes (e.g. a log export archive once downloaded): poll a while.
    const empty = await Promise.all(
      servers.map(async (r) => {
        let last = await counts(r);
        await until(`data for every dashboard query (${r.name})`, 60_000, async () => {
          last = await counts(r);
          return last.every((q) => q.series > 0) ? true : undefined;
        }).catch(() => undefined);
        return last.filter((q) => q.series === 0).map((q) => `${r.name}: ${q.name}: ${q.expr}`);
      }),
    );
    expect(empty.flat()).toEqual([]);
  }, 90_000);

  it.each(['README plain setup', 'README multi-target setup'])(
    "%s: the demo's failed, warning and never-successful jobs and the missing exporter raise alerts, and only those",
    async (name) => {
      const { prom, deadExporter } = server(name);
      const { expected, allowed } = await expectedAlerts(prom, deadExporter);
      expect(expected.BackupJobFailed?.length).toBeGreaterThan(0);
      expect(expected.BackupExporterDown).toHaveLength(1);
      const names = Object.keys(expected);
      const got = await until(`the expected alerts (${name})`, 15_000, async () => {
        const g = await activeAlerts(prom, names);
        return missing(expected, g).length === 0 ? g : undefined;
      }).catch(() => activeAlerts(prom, names));
      console.log(
        `${name}\n${Object.entries(got)
          .map(([n, ks]) => `  ${n}: ${ks.length} pending or firing`)
          .join('\n')}`,
      );
      expect(missing(expected, got)).toEqual([]);
      expect(unexpected(allowed, got)).toEqual([]);
    },
  );
});
