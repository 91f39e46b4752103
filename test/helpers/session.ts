// One product session wired the way the engine wires it (self metrics, caches, a target HTTP client, a debug
// logger), so product tests drive collect() directly over real HTTP(S). The simulator and the target
// configuration stay with each product's own helpers.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { CommonTarget } from '../../src/config/types';
import { createCaches, type Caches } from '../../src/core/cache';
import { SelfMetrics } from '../../src/core/self-metrics';
import type { CollectOutput, ProductSession, SessionDeps } from '../../src/core/types';
import { createTargetHttp, type TargetHttp } from '../../src/http/client';

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

/** Anything that makes sessions the way a product module does (a module, or a wrapper passing extra options). */
export interface SessionFactory<C, S extends ProductSession> {
  createSession(target: C, deps: SessionDeps): S;
}

export interface SessionHarnessOptions {
  /** The default clock of collect(); Date.now when not given. */
  now?: () => number;
  /** Share one log between several sessions (an exporter restart keeps writing to the same place). */
  log?: CapturedLog;
  /** Share self metrics between several sessions. */
  metrics?: SelfMetrics;
  /** Use these caches instead of new ones. */
  caches?: Caches;
}

export interface CollectOptions {
  /** Time the collection may take, ms (the deadline of its context). */
  timeoutMs?: number;
  debug?: boolean;
}

export interface SessionHarness<S extends ProductSession = ProductSession> {
  session: S;
  caches: Caches;
  metrics: SelfMetrics;
  http: TargetHttp;
  log: Logger;
  logs(): string;
  /** One collection, as the engine runs it: a fresh context with its own deadline. */
  collect(now?: number, opts?: CollectOptions): Promise<CollectOutput>;
  /** Stops the session's background work, then closes its HTTP client. */
  close(): Promise<void>;
}

export function startSessionHarness<C extends CommonTarget, S extends ProductSession>(
  module: SessionFactory<C, S>,
  target: C,
  opts: SessionHarnessOptions = {},
): SessionHarness<S> {
  const captured = opts.log ?? captureLog();
  const { log } = captured;
  const metrics = opts.metrics ?? new SelfMetrics({ defaultMetrics: false });
  const caches = opts.caches ?? createCaches(metrics, target.inventoryTtlMs);
  const http = createTargetHttp(target, { log, metrics });
  const session = module.createSession(target, { log, caches, metrics, http: http.background() });
  const clock = opts.now ?? Date.now;
  return {
    session,
    caches,
    metrics,
    http,
    log,
    logs: captured.logs,
    collect: (now = clock(), { timeoutMs = 10_000, debug = false }: CollectOptions = {}) => {
      const deadline = Date.now() + timeoutMs;
      return session.collect({
        http: http.forCollection(deadline),
        signal: new AbortController().signal,
        deadline,
        log,
        now,
        debug,
      });
    },
    close: async () => {
      await session.stop?.();
      await http.close();
    },
  };
}
