// The Prometheus setups of the integration test, built from what users copy: the README's two snippets as pasted
// and the sharded example, each pointed at the demo, with the shipped rules loaded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { freePort, type PrometheusServer, type PromResult, startPrometheus, until } from './prometheus-server';
import { ROOT } from './promql';
import { isProbe, type PrometheusConfig, readmePrometheusSnippets } from './scrape-configs';

export interface Setup {
  name: string;
  config: PrometheusConfig;
  /** An exporter address in a /metrics job where nothing listens: BackupExporterDown must name it, and only it. */
  deadExporter?: string;
}

export interface Running extends Setup {
  prom: PrometheusServer;
}

const RULE_FILES = [
  join(ROOT, 'alerts', 'backup-exporter.yml'),
  join(ROOT, 'examples', 'prometheus', 'expected-interval.rules.yml'),
];

/**
 * What the test changes in a configuration: the exporter's address, 2 s scrapes (each target then gets a 1.5 s
 * deadline, enough on a busy machine; minutes-long intervals would make the test wait minutes) and the rules.
 */
function adapt(text: string, hostPattern: RegExp, hostPort: string): PrometheusConfig {
  const cfg = parse(text.replace(hostPattern, hostPort)) as PrometheusConfig;
  cfg.global = { scrape_interval: '2s', scrape_timeout: '2s', evaluation_interval: '1s' };
  cfg.rule_files = RULE_FILES;
  for (const job of cfg.scrape_configs) {
    job.scrape_interval = '2s';
    job.scrape_timeout = '2s';
    for (const s of job.static_configs ?? []) s.targets = [...new Set(s.targets)];
  }
  return cfg;
}

/** The README's snippets, as pasted, with a second exporter address in the /metrics job that nobody serves. */
export async function readmeSetups(hostPort: string): Promise<Setup[]> {
  const setups: Setup[] = [];
  for (const [i, text] of readmePrometheusSnippets().entries()) {
    const config = adapt(text, /backup-exporter:9897/g, hostPort);
    const deadExporter = `127.0.0.1:${await freePort()}`;
    const metrics = config.scrape_configs.find((s) => !isProbe(s) && s.static_configs);
    if (!metrics?.static_configs?.[0]) throw new Error(`README snippet ${i + 1} has no /metrics job`);
    metrics.static_configs[0].targets.push(deadExporter);
    setups.push({ name: i === 0 ? 'README plain setup' : 'README multi-target setup', config, deadExporter });
  }
  return setups;
}

export function shardedSetup(hostPort: string): Setup {
  const text = readFileSync(join(ROOT, 'examples', 'prometheus', 'http-sd-sharded.yml'), 'utf8');
  return { name: 'sharded example', config: adapt(text, /backup-exporter(-\d)?\.example\.com:9897/g, hostPort) };
}

/** Starts a Prometheus per setup and waits for three scrapes of every target and of the exporter's own metrics. */
export async function startAll(setups: Setup[], targets: string[]): Promise<Running[]> {
  const running: Running[] = [];
  for (const s of setups) running.push({ ...s, prom: await startPrometheus(s.config) });
  const enough = (r: PromResult[]) => r.every((x) => Number(x.value?.[1]) >= 3);
  await Promise.all(
    running.map((r) =>
      until(`three scrapes of every target and of the exporter (${r.name})`, 45_000, async () => {
        const up = await r.prom.query('count_over_time(backup_target_up[1m])');
        const self = await r.prom.query('count_over_time(backup_exporter_build_info[1m])');
        return up.length === targets.length && enough(up) && self.length > 0 && enough(self) ? true : undefined;
      }).catch((err: Error) => {
        throw new Error(`${err.message}\nprometheus log:\n${r.prom.log()}`);
      }),
    ),
  );
  return running;
}
