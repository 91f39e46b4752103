// A veeam_azure session against the simulator over real HTTPS, with a fixed clock and a log that tests can read.
import { Writable } from 'node:stream';
import pino from 'pino';
import type { VeeamAzureTarget } from '../../src/config/types';
import { createCaches, type Caches } from '../../src/core/cache';
import { SelfMetrics } from '../../src/core/self-metrics';
import type { CollectOutput, ProductSession, Sample } from '../../src/core/types';
import { createTargetHttp, type TargetHttp } from '../../src/http/client';
import { product as azureModule } from '../../src/products/veeam_azure';
import { startVeeamAzureSimulator, type AzureSimOptions, type AzureSimulator } from '../../src/simulators/veeam_azure/server';
import { azureTarget } from '../helpers/targets';

/** 2026-03-02T12:00:00Z: the fixed clock of the simulator data and of every collection. */
export const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);

export interface Harness {
  sim: AzureSimulator;
  target: VeeamAzureTarget;
  session: ProductSession;
  caches: Caches;
  metrics: SelfMetrics;
  logs(): string;
  collect(now?: number): Promise<CollectOutput>;
  close(): Promise<void>;
}

export async function harness(simOpts: AzureSimOptions = {}, o: Partial<VeeamAzureTarget> = {}): Promise<Harness> {
  const sim = await startVeeamAzureSimulator({ tls: true, now: () => NOW, ...simOpts });
  const target = azureTarget(sim.url, { tls: { ca: sim.cert!, insecureSkipVerify: false }, ...o });
  let text = '';
  const log = pino({ level: 'debug' }, new Writable({ write(c: Buffer, _e, done) { text += c.toString(); done(); } }));
  const metrics = new SelfMetrics({ defaultMetrics: false });
  const caches = createCaches(metrics, target.inventoryTtlMs);
  const http: TargetHttp = createTargetHttp(target, { log, metrics });
  const session = azureModule.createSession(target, { log, caches, metrics, http: http.background() });
  return {
    sim, target, session, caches, metrics,
    logs: () => text,
    collect: (now = NOW) => {
      const deadline = Date.now() + 10_000;
      return session.collect({ http: http.forCollection(deadline), signal: new AbortController().signal, deadline, log, now, debug: false });
    },
    close: async () => { await http.close(); await sim.close(); },
  };
}

/** The value of one series (labels must match exactly the given subset), or undefined. */
export function value(samples: readonly Sample[], name: string, l: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(l).every(([k, v]) => s.labels[k] === v))?.value;
}

export function seriesOf(samples: readonly Sample[], jobName: string): Sample[] {
  return samples.filter((s) => s.labels.job_name === jobName);
}

/** The state whose series is 1 in a job's status set. */
export function statusOf(samples: readonly Sample[], jobName: string): string | undefined {
  return samples.find((s) => s.name === 'backup_job_status' && s.labels.job_name === jobName && s.value === 1)?.labels.status;
}

/** Samples in a stable order, to compare collections regardless of the API's list order. */
export function sorted(samples: readonly Sample[]): string[] {
  return samples.map((s) => `${s.name}${JSON.stringify(Object.entries(s.labels).sort())} ${s.value}`).sort();
}
