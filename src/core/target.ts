// One configured target: its product state, HTTP pool, caches and login gate, and the collection rules of
// contract section 2: deadline, min_interval reuse, single flight, and what a short header may not spoil.
import type { Logger } from 'pino';
import type { SecretRedactor } from '../common/secrets';
import type { TargetConfig } from '../config/types';
import { createTargetHttp, type TargetHttp } from '../http/client';
import { LoginGate } from '../http/login-gate';
import { type Caches, createCaches } from './cache';
import { type Collection, runCollection } from './collection';
import { ChangeLog } from './changes';
import type { ProductModule, ProductState } from './module';
import type { SelfMetrics } from './self-metrics';

export type { Collection } from './collection';

export interface CollectOptions {
  /** X-Prometheus-Scrape-Timeout-Seconds of the request, if any. */
  scrapeTimeoutSeconds?: number;
  /** Ignore min_interval (debug); still joins a collection in flight. */
  fresh?: boolean;
  debug?: boolean;
}

export interface RunnerDeps {
  log: Logger;
  metrics: SelfMetrics;
  /** False with --no-schedulers. */
  schedulers: boolean;
  /** The configured secrets, hidden in the body excerpts of upstream errors. */
  redactor?: SecretRedactor;
}

/** Deadline rule of contract 2: min(timeout, header − 0.5 s), never below 0.1 s. */
export function deadlineSeconds(timeoutMs: number, header?: number): number {
  const t = timeoutMs / 1000;
  const h = header !== undefined && Number.isFinite(header) && header > 0 ? header - 0.5 : Infinity;
  return Math.max(0.1, Math.min(t, h));
}

export class TargetRunner {
  readonly http: TargetHttp;
  readonly caches: Caches;
  readonly gate = new LoginGate();
  readonly state: ProductState;
  private last?: Collection;
  private inflight?: { timeoutSeconds: number; cut: boolean; done: Promise<Collection> };
  private readonly changes: ChangeLog;
  private readonly stopping = new AbortController();
  private readonly log: Logger;

  constructor(
    readonly target: TargetConfig,
    readonly module: ProductModule,
    private readonly deps: RunnerDeps,
  ) {
    const { metrics } = deps;
    const names = { target: target.name, product: target.product };
    this.log = deps.log.child({ target: target.name });
    this.changes = new ChangeLog(this.log);
    const observer = metrics.upstreamObserver(names);
    this.http = createTargetHttp(target, { log: this.log, observer, redactor: deps.redactor });
    this.caches = createCaches(metrics, target.inventoryTtlMs);
    if (module.logsIn(target)) metrics.initLogins(names.target, names.product);
    this.state = module.createState(target, {
      log: this.log,
      caches: this.caches,
      http: this.http.background(),
      gate: this.gate,
      onLogin: (result) => metrics.logins.inc({ ...names, result }),
      schedulers: deps.schedulers,
    });
  }

  get lastCollection(): Collection | undefined {
    return this.last;
  }

  /** The collection to serve: the one in flight, the last one while younger than min_interval, or a fresh one. */
  async collect(opts: CollectOptions = {}): Promise<Collection> {
    const timeoutSeconds = deadlineSeconds(this.target.timeoutMs, opts.scrapeTimeoutSeconds);
    const cache = this.deps.metrics.cacheRequests;
    const inflight = this.inflight;
    if (inflight && !(inflight.cut && timeoutSeconds > inflight.timeoutSeconds)) {
      cache.inc({ cache: 'collection', result: 'hit' });
      return inflight.done;
    }
    const last = this.last;
    if (
      !opts.fresh &&
      last &&
      Date.now() - last.endedAt < this.target.minIntervalMs &&
      servable(last, timeoutSeconds)
    ) {
      cache.inc({ cache: 'collection', result: 'hit' });
      return last;
    }
    cache.inc({ cache: 'collection', result: 'miss' });
    return this.start(timeoutSeconds, opts.debug ?? false);
  }

  /** Resolves once no collection is in flight (used before closing a removed target). */
  async idle(): Promise<void> {
    await this.inflight?.done.catch(() => undefined);
  }

  /** Stops background work and closes connections; `abort` cuts a collection in flight short (exit). */
  async close(opts: { abort?: boolean } = {}): Promise<void> {
    if (opts.abort) {
      this.stopping.abort();
      await this.http.destroy();
    }
    await this.idle();
    await this.state.stop?.();
    await this.http.close();
  }

  private start(timeoutSeconds: number, debug: boolean): Promise<Collection> {
    const cut = timeoutSeconds < this.target.timeoutMs / 1000;
    const done = runCollection({
      target: this.target,
      module: this.module,
      state: this.state,
      http: this.http,
      log: this.log,
      timeoutSeconds,
      cut,
      debug,
      stop: this.stopping.signal,
    }).then((c) => {
      this.changes.record(c);
      if (!this.last || c.endedAt >= this.last.endedAt) this.last = c;
      return c;
    });
    const entry = { timeoutSeconds, cut, done };
    this.inflight = entry;
    const clear = (): void => {
      if (this.inflight === entry) this.inflight = undefined;
    };
    done.then(clear, clear);
    return done;
  }
}

/** A collection cut short by a caller's header that ran out of time is not served to a later deadline. */
function servable(c: Collection, timeoutSeconds: number): boolean {
  return !(c.cut && c.timedOut && timeoutSeconds > c.timeoutSeconds);
}
