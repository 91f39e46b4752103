// One product state wired the way the engine wires it (self metrics, caches, a target HTTP client, a login
// gate, a debug logger), and collections run by the engine's own part runner, so product tests drive a real
// collection over real HTTP(S) and read its samples and failed parts. The simulator and the target
// configuration stay with each product's own helpers.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { TargetConfig } from '../../src/config/types';
import { type Caches, createCaches } from '../../src/core/cache';
import { collectParts } from '../../src/core/collection';
import type { ProductModule, ProductState } from '../../src/core/module';
import type { PartFailure } from '../../src/core/parts';
import type { Sample } from '../../src/core/samples';
import { SelfMetrics } from '../../src/core/self-metrics';
import { createTargetHttp, type TargetHttp } from '../../src/http/client';
import { LoginGate } from '../../src/http/login-gate';
import type { RequestTrace } from '../../src/http/types';

/** A debug logger whose output tests can read back. */
export interface CapturedLog {
  log: Logger;
  logs(): string;
}

export function captureLog(): CapturedLog {
  let text = '';
  const out = new Writable({
    write(c: Buffer, _e, done) {
      text += c.toString();
      done();
    },
  });
  return { log: pino({ level: 'debug' }, out), logs: () => text };
}

export interface SessionHarnessOptions {
  /** The default clock of collect(); Date.now when not given. */
  now?: () => number;
  /** Share one log between several states (an exporter restart keeps writing to the same place). */
  log?: CapturedLog;
  /** Share self metrics between several states. */
  metrics?: SelfMetrics;
  /** Use these caches instead of new ones. */
  caches?: Caches;
  /** False: as with --no-schedulers. */
  schedulers?: boolean;
}

export interface CollectOptions {
  /** Time the collection may take, ms (its deadline). */
  timeoutMs?: number;
  debug?: boolean;
}

/** A collection whose target is up: its samples and the parts that failed. */
export interface CollectOutput {
  info: { api_version: string; server_version?: string };
  samples: Sample[];
  failed: PartFailure[];
  /** The upstream requests, as /probe?debug=true lists them. */
  trace: RequestTrace[];
}

export interface SessionHarness<S extends ProductState = ProductState> {
  state: S;
  caches: Caches;
  metrics: SelfMetrics;
  http: TargetHttp;
  gate: LoginGate;
  log: Logger;
  logs(): string;
  /** One collection, as the engine runs it; rejects with the reason when the target is down. */
  collect(now?: number, opts?: CollectOptions): Promise<CollectOutput>;
  /** Stops the state's background work, then closes its HTTP client. */
  close(): Promise<void>;
}

export function startSessionHarness<T extends TargetConfig, S extends ProductState>(
  module: ProductModule<T, S>,
  target: T,
  opts: SessionHarnessOptions = {},
): SessionHarness<S> {
  const captured = opts.log ?? captureLog();
  const { log } = captured;
  const metrics = opts.metrics ?? new SelfMetrics({ defaultMetrics: false });
  const caches = opts.caches ?? createCaches(metrics, target.inventoryTtlMs);
  const names = { target: target.name, product: target.product };
  const http = createTargetHttp(target, { log, observer: metrics.upstreamObserver(names) });
  const gate = new LoginGate();
  const onLogin = (result: 'success' | 'failure') => metrics.logins.inc({ ...names, result });
  const deps = { log, caches, http: http.background(), gate, onLogin, schedulers: opts.schedulers ?? true };
  const state = module.createState(target, deps);
  const clock = opts.now ?? Date.now;
  const stop = new AbortController().signal;
  return {
    state,
    caches,
    metrics,
    http,
    gate,
    log,
    logs: captured.logs,
    collect: async (now = clock(), { timeoutMs = 10_000, debug = false }: CollectOptions = {}) => {
      const input = { target, module, state, http, log, timeoutSeconds: timeoutMs / 1000, cut: false, debug, stop };
      const o = await collectParts(input, now);
      if (o.error || !o.result) throw o.error;
      return { info: o.result.info, samples: o.result.samples, failed: o.failures, trace: o.trace };
    },
    close: async () => {
      await state.stop?.();
      await http.close();
    },
  };
}
