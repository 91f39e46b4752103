// An ahsay session against the simulator over real HTTP(S), with a fixed clock and a log that tests can read.
import { Writable } from 'node:stream';
import pino from 'pino';
import type { AhsayTarget } from '../../src/config/types';
import { createCaches, type Caches } from '../../src/core/cache';
import { SelfMetrics } from '../../src/core/self-metrics';
import type { CollectOutput, ProductSession, Sample } from '../../src/core/types';
import { createTargetHttp, type TargetHttp } from '../../src/http/client';
import { product as ahsay } from '../../src/products/ahsay';
import { startAhsaySimulator, type AhsaySimOptions, type AhsaySimulator } from '../../src/simulators/ahsay/server';
import { ahsayTarget } from '../helpers/targets';

// Ids of the simulator's hand-made demo estate.
export const DEST_A = '-1700000000101';
export const DEST_B = '-1700000000102';
export const DOCS = '1700000000001';
export const SQL = '1700000000002';
export const EXCH = '1700000000011';
export const LAPTOP = '1700000000012';
export const ARCHIVE = '1700000000013';
export const OLD_PC = '1700000000021';
/** Unix seconds of a Hong Kong wall-clock time (the simulator's default zone). */
export const hk = (iso: string): number => Date.parse(`${iso}+08:00`) / 1000;

/** 2026-03-02T04:00:00Z = 12:00 in Hong Kong: the fixed clock of the simulator data and of every collection. */
export const NOW = Date.UTC(2026, 2, 2, 4, 0, 0);

export interface Harness {
  sim: AhsaySimulator;
  target: AhsayTarget;
  session: ProductSession;
  caches: Caches;
  metrics: SelfMetrics;
  logs(): string;
  collect(now?: number): Promise<CollectOutput>;
  close(): Promise<void>;
}

export async function harness(simOpts: AhsaySimOptions = {}, o: Partial<AhsayTarget> = {}): Promise<Harness> {
  const now = simOpts.now?.() ?? NOW;
  const sim = await startAhsaySimulator({ tls: true, now: () => now, ...simOpts });
  const tls = sim.cert ? { ca: sim.cert, insecureSkipVerify: false } : { insecureSkipVerify: false };
  const target = ahsayTarget(sim.url, { tls, timezone: sim.timezone, ...o });
  let text = '';
  const log = pino({ level: 'debug' }, new Writable({ write(c: Buffer, _e, done) { text += c.toString(); done(); } }));
  const metrics = new SelfMetrics({ defaultMetrics: false });
  const caches = createCaches(metrics, target.inventoryTtlMs);
  const http: TargetHttp = createTargetHttp(target, { log, metrics });
  const session = ahsay.createSession(target, { log, caches, metrics, http: http.background() });
  return {
    sim, target, session, caches, metrics,
    logs: () => text,
    collect: (at = now) => {
      const deadline = Date.now() + 10_000;
      return session.collect({ http: http.forCollection(deadline), signal: new AbortController().signal, deadline, log, now: at, debug: false });
    },
    close: async () => { await http.close(); await sim.close(); },
  };
}

/** The value of one series (labels must match the given subset), or undefined. */
export function value(samples: readonly Sample[], name: string, l: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(l).every(([k, v]) => s.labels[k] === v))?.value;
}

/** Series of one job (backup set id, optionally one destination). */
export function seriesOf(samples: readonly Sample[], setId: string, dest?: string): Sample[] {
  return samples.filter((s) => s.labels.job_id === setId && (dest === undefined || s.labels.destination_id === dest));
}

/** The state whose series is 1 in a job's status set. */
export function statusOf(samples: readonly Sample[], setId: string, dest?: string): string | undefined {
  return seriesOf(samples, setId, dest).find((s) => s.name === 'backup_job_status' && s.value === 1)?.labels.status;
}
