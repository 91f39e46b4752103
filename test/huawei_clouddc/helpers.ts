// A huawei_clouddc session against the simulator over real HTTPS, with an adjustable clock, a temporary state
// directory and a log that tests can read.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { HuaweiTarget } from '../../src/config/types';
import { createCaches, type Caches } from '../../src/core/cache';
import { SelfMetrics } from '../../src/core/self-metrics';
import type { CollectOutput, Sample } from '../../src/core/types';
import { createTargetHttp, type TargetHttp } from '../../src/http/client';
import { createHuaweiSession, type HuaweiSession, type HuaweiSessionOptions } from '../../src/products/huawei_clouddc';
import { startHuaweiSimulator, type HuaweiSimOptions, type HuaweiSimulator } from '../../src/simulators/huawei_clouddc/server';
import { huaweiTarget } from '../helpers/targets';

/** 2026-03-02T12:00:00Z: the fixed clock of deterministic runs. */
export const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);

export interface Clock { now: number }

export interface Session {
  session: HuaweiSession;
  http: TargetHttp;
  collect(): Promise<CollectOutput>;
  close(): Promise<void>;
}

export interface Harness {
  sim: HuaweiSimulator;
  target: HuaweiTarget;
  clock: Clock;
  metrics: SelfMetrics;
  caches: Caches;
  dir: string;
  logs(): string;
  /** A new session (an exporter restart), sharing the state file; closed with the harness. */
  open(opts?: HuaweiSessionOptions): Session;
  /** The first session. */
  main: Session;
  close(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'huawei-clouddc-test-'));
}

export async function harness(
  simOpts: HuaweiSimOptions = {}, o: (sim: HuaweiSimulator, dir: string) => Partial<HuaweiTarget> = () => ({}),
  sessionOpts: HuaweiSessionOptions = {}, clock: Clock = { now: NOW },
): Promise<Harness> {
  const sim = await startHuaweiSimulator({ tls: true, now: () => clock.now, ...simOpts });
  const dir = tempDir();
  const target = huaweiTarget(sim.url, { tls: { ca: sim.cert!, insecureSkipVerify: false }, ...o(sim, dir) });
  let text = '';
  const log = pino({ level: 'debug' }, new Writable({ write(c: Buffer, _e, done) { text += c.toString(); done(); } }));
  const metrics = new SelfMetrics({ defaultMetrics: false });
  const caches = createCaches(metrics, target.inventoryTtlMs);
  const sessions: Session[] = [];
  const open = (opts: HuaweiSessionOptions = {}): Session => {
    const http = createTargetHttp(target, { log, metrics });
    // Each session gets its own caches, like a target re-created by a restart.
    const c = sessions.length === 0 ? caches : createCaches(metrics, target.inventoryTtlMs);
    const session = createHuaweiSession(target, { log, caches: c, metrics, http: http.background() }, { now: () => clock.now, ...sessionOpts, ...opts });
    const s: Session = {
      session, http,
      collect: () => {
        const deadline = Date.now() + 10_000;
        return session.collect({ http: http.forCollection(deadline), signal: new AbortController().signal, deadline, log, now: clock.now, debug: false });
      },
      close: async () => { await session.stop(); await http.close(); },
    };
    sessions.push(s);
    return s;
  };
  const main = open();
  return {
    sim, target, clock, metrics, caches, dir, main, open,
    logs: () => text,
    close: async () => {
      for (const s of sessions) await s.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The value of one series whose labels include the given ones, or undefined. */
export function value(samples: readonly Sample[], name: string, l: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(l).every(([k, v]) => s.labels[k] === v))?.value;
}

/** The state whose series is 1 in a server's state set. */
export function stateOf(samples: readonly Sample[], name: string, serverId: string): string | undefined {
  return samples.find((s) => s.name === name && s.labels.server_id === serverId && s.value === 1)?.labels.state;
}

/** Waits (in short steps) until `cond` holds; fails after `ms`. */
export async function until(cond: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
