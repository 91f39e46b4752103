// A huawei_clouddc state against the simulator over real HTTPS, with a simulator clock tests can set, a
// temporary state directory and a log that tests can read (bound to the target, as the engine binds it).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Caches, createCaches } from '../../src/core/cache';
import type { Sample } from '../../src/core/samples';
import { SelfMetrics } from '../../src/core/self-metrics';
import { huaweiCloudDc } from '../../src/products/huawei_clouddc';
import type { HuaweiTarget } from '../../src/products/huawei_clouddc/config';
import type { HuaweiState } from '../../src/products/huawei_clouddc/state';
import {
  type HuaweiSimOptions,
  type HuaweiSimulator,
  startHuaweiSimulator,
} from '../../src/simulators/huawei_clouddc/server';
import { stateIn } from '../helpers/samples';
import { captureLog, type SessionHarness, startSessionHarness } from '../helpers/session';
import { huaweiTarget } from '../helpers/targets';

export { value } from '../helpers/samples';
export { sleep, until } from './clock';

/** 2026-03-02T12:00:00Z: the fixed clock of deterministic runs. */
export const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);
export const DAY = 86_400_000;

/** The simulator's clock (its created_at, token expiry and Date header) and the default time of collections. */
export interface Clock {
  now: number;
}

/** One exporter state; close() stops its background work and its HTTP client. */
export type Session = SessionHarness<HuaweiState>;

export interface Harness {
  sim: HuaweiSimulator;
  target: HuaweiTarget;
  clock: Clock;
  metrics: SelfMetrics;
  caches: Caches;
  dir: string;
  logs(): string;
  /** A new state (an exporter restart), sharing the state file; closed with the harness. */
  open(): Session;
  /** The first state. */
  main: Session;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The simulator's clock (default NOW). */
  clock?: Clock;
  /** False: as with --no-schedulers. */
  schedulers?: boolean;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'huawei-clouddc-test-'));
}

export async function harness(
  simOpts: HuaweiSimOptions = {},
  o: (sim: HuaweiSimulator, dir: string) => Partial<HuaweiTarget> = () => ({}),
  { clock = { now: NOW }, schedulers = true }: HarnessOptions = {},
): Promise<Harness> {
  const sim = await startHuaweiSimulator({ tls: true, now: () => clock.now, ...simOpts });
  const dir = tempDir();
  const target = huaweiTarget(sim.url, { tls: { ca: sim.cert!, insecureSkipVerify: false }, ...o(sim, dir) });
  const captured = captureLog();
  const log = { log: captured.log.child({ target: target.name }), logs: captured.logs };
  const metrics = new SelfMetrics({ defaultMetrics: false });
  const caches = createCaches(metrics, target.inventoryTtlMs);
  const sessions: Session[] = [];
  const open = (): Session => {
    // Each state gets its own caches, like a target re-created by a restart.
    const c = sessions.length === 0 ? caches : createCaches(metrics, target.inventoryTtlMs);
    const s = startSessionHarness(huaweiCloudDc, target, { now: () => clock.now, log, metrics, caches: c, schedulers });
    sessions.push(s);
    return s;
  };
  const main = open();
  const close = async () => {
    for (const s of sessions) await s.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { sim, target, clock, metrics, caches, dir, main, open, logs: log.logs, close };
}

/** `log_exports` with a day's `every`, a state file and a download folder in the harness directory. */
export function withExports(keep = 2): (sim: unknown, dir: string) => Partial<HuaweiTarget> {
  return (_sim, dir) => ({
    logExports: {
      everyMs: DAY,
      downloadDir: path.join(dir, 'downloads'),
      keep,
      stateFile: path.join(dir, 'state.json'),
    },
  });
}

export type StateRecord = Record<string, unknown>;

/** The export state file as written. */
export function stateFile(h: Harness): { exports: StateRecord[] } {
  return JSON.parse(readFileSync(path.join(h.dir, 'state.json'), 'utf8')) as { exports: StateRecord[] };
}

/** Exports whose archive the state file records as saved (the download worker's last step). */
export function downloaded(h: Harness): number {
  try {
    return stateFile(h).exports.filter((r) => r.download !== undefined).length;
  } catch {
    return 0;
  }
}

/** Every log line as an object. */
export function logLines(h: { logs(): string }): Array<Record<string, unknown>> {
  return h
    .logs()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The state whose series is 1 in a server's state set. */
export function stateOf(samples: readonly Sample[], name: string, serverId: string): string | undefined {
  return stateIn(samples, name, { server_id: serverId }, 'state');
}
