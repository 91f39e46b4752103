// A veeam_m365 session against the simulator over real HTTP(S), with a fixed clock and a readable log.
import { Writable } from 'node:stream';
import pino from 'pino';
import type { VeeamM365Target } from '../../src/config/types';
import { createCaches, type Caches } from '../../src/core/cache';
import { SelfMetrics } from '../../src/core/self-metrics';
import type { CollectOutput, ProductSession, Sample } from '../../src/core/types';
import { createTargetHttp, type TargetHttp } from '../../src/http/client';
import { product as m365 } from '../../src/products/veeam_m365';
import { startM365Simulator, type M365SimOptions, type M365Simulator } from '../../src/simulators/veeam_m365/server';
import type { SimSession } from '../../src/simulators/veeam_m365/data';
import { m365Target } from '../helpers/targets';

/** 2026-03-02T12:00:00Z: the fixed clock of the simulator data and of every collection. */
export const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);

export interface Harness {
  sim: M365Simulator;
  target: VeeamM365Target;
  session: ProductSession;
  caches: Caches;
  metrics: SelfMetrics;
  logs(): string;
  collect(now?: number): Promise<CollectOutput>;
  close(): Promise<void>;
}

export async function harness(simOpts: M365SimOptions = {}, o: Partial<VeeamM365Target> = {}): Promise<Harness> {
  const sim = await startM365Simulator({ now: () => NOW, ...simOpts });
  const tls = sim.cert ? { tls: { ca: sim.cert, insecureSkipVerify: false } } : {};
  const target = m365Target(sim.url, { ...tls, ...o });
  let text = '';
  const log = pino({ level: 'debug' }, new Writable({ write(c: Buffer, _e, done) { text += c.toString(); done(); } }));
  const metrics = new SelfMetrics({ defaultMetrics: false });
  const caches = createCaches(metrics, target.inventoryTtlMs);
  const http: TargetHttp = createTargetHttp(target, { log, metrics });
  const session = m365.createSession(target, { log, caches, metrics, http: http.background() });
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

/** The simulator's sessions of a job, newest start first. */
export function sessionsOf(sim: M365Simulator, jobName: string): SimSession[] {
  const job = sim.data.jobs.find((j) => j.name === jobName);
  if (!job) throw new Error(`no job ${jobName}`);
  return sim.data.sessions.filter((s) => s.jobId === job.id).sort((a, b) => b.start - a.start);
}

/** Samples as sorted text lines, to compare two collections regardless of order. */
export function canonical(samples: readonly Sample[]): string[] {
  return samples.map((s) => `${s.name}${JSON.stringify(Object.entries(s.labels).sort())} ${s.value}`).sort();
}
