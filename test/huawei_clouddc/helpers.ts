// A huawei_clouddc session against the simulator over real HTTPS, with an adjustable clock, a temporary state
// directory and a log that tests can read.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HuaweiTarget } from '../../src/config/types';
import { createCaches, type Caches } from '../../src/core/cache';
import { SelfMetrics } from '../../src/core/self-metrics';
import type { Sample, SessionDeps } from '../../src/core/samples';
import { createHuaweiSession, type HuaweiSession, type HuaweiSessionOptions } from '../../src/products/huawei_clouddc';
import {
  startHuaweiSimulator,
  type HuaweiSimOptions,
  type HuaweiSimulator,
} from '../../src/simulators/huawei_clouddc/server';
import { stateIn } from '../helpers/samples';
import { captureLog, startSessionHarness, type SessionHarness } from '../helpers/session';
import { huaweiTarget } from '../helpers/targets';

export { value } from '../helpers/samples';

/** 2026-03-02T12:00:00Z: the fixed clock of deterministic runs. */
export const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);

export interface Clock {
  now: number;
}

/** One exporter session; close() stops its background work and its HTTP client. */
export type Session = SessionHarness<HuaweiSession>;

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
  simOpts: HuaweiSimOptions = {},
  o: (sim: HuaweiSimulator, dir: string) => Partial<HuaweiTarget> = () => ({}),
  sessionOpts: HuaweiSessionOptions = {},
  clock: Clock = { now: NOW },
): Promise<Harness> {
  const sim = await startHuaweiSimulator({ tls: true, now: () => clock.now, ...simOpts });
  const dir = tempDir();
  const target = huaweiTarget(sim.url, { tls: { ca: sim.cert!, insecureSkipVerify: false }, ...o(sim, dir) });
  const captured = captureLog();
  const metrics = new SelfMetrics({ defaultMetrics: false });
  const caches = createCaches(metrics, target.inventoryTtlMs);
  const sessions: Session[] = [];
  const open = (opts: HuaweiSessionOptions = {}): Session => {
    const factory = {
      createSession: (t: HuaweiTarget, deps: SessionDeps) =>
        createHuaweiSession(t, deps, { now: () => clock.now, ...sessionOpts, ...opts }),
    };
    // Each session gets its own caches, like a target re-created by a restart.
    const c = sessions.length === 0 ? caches : createCaches(metrics, target.inventoryTtlMs);
    const s = startSessionHarness(factory, target, { now: () => clock.now, log: captured, metrics, caches: c });
    sessions.push(s);
    return s;
  };
  const main = open();
  return {
    sim,
    target,
    clock,
    metrics,
    caches,
    dir,
    main,
    open,
    logs: captured.logs,
    close: async () => {
      for (const s of sessions) await s.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The state whose series is 1 in a server's state set. */
export function stateOf(samples: readonly Sample[], name: string, serverId: string): string | undefined {
  return stateIn(samples, name, { server_id: serverId }, 'state');
}

/** Waits (in short steps) until `cond` holds; fails after `ms`. */
export async function until(cond: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
