// One configured target: its product session, HTTP pool and caches, and the collection rules of contract 2:
// deadline, min_interval reuse, single flight, part isolation and the target health series.
import type { Logger } from 'pino';
import type { TargetConfig } from '../config/types';
import { createTargetHttp, type TargetHttp } from '../http/client';
import type { RequestTrace } from '../http/types';
import { createCaches, type Caches } from './cache';
import { asUpstreamError, describeError, UpstreamError } from './errors';
import { renderTarget, type RenderedChunks } from './render';
import { labels, sample } from './samples';
import type { SelfMetrics } from './self-metrics';
import type { CollectOutput, ProductModule, ProductSession, Sample } from './types';

export interface Collection {
  up: boolean;
  startedAt: number;
  endedAt: number;
  timeoutSeconds: number;
  /** First error of the collection (why the target is down), else undefined. */
  error?: UpstreamError;
  /** Failed collectors with their reasons. */
  failures: Array<{ collector: string; reason: string }>;
  trace: RequestTrace[];
  chunks: RenderedChunks;
  seriesCount: number;
}

export interface CollectOptions {
  /** X-Prometheus-Scrape-Timeout-Seconds of the request, if any. */
  scrapeTimeoutSeconds?: number;
  /** Ignore min_interval (debug); still joins a collection in flight. */
  fresh?: boolean;
  debug?: boolean;
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
  readonly session: ProductSession;
  private last?: Collection;
  private inflight?: Promise<Collection>;
  private wasUp?: boolean;
  private failingCollectors = new Set<string>();

  constructor(
    readonly target: TargetConfig,
    readonly module: ProductModule,
    private readonly log: Logger,
    private readonly metrics: SelfMetrics,
  ) {
    this.http = createTargetHttp(target, { log, metrics });
    this.caches = createCaches(metrics, target.inventoryTtlMs);
    if (module.logsIn(target)) metrics.initLogins(target.name, target.product);
    this.session = module.createSession(target, { log, caches: this.caches, metrics, http: this.http.background() });
  }

  get lastCollection(): Collection | undefined {
    return this.last;
  }

  /** The collection to serve: a fresh one, the one in flight, or the last one while younger than min_interval. */
  async collect(opts: CollectOptions = {}): Promise<Collection> {
    if (this.inflight) {
      this.metrics.cacheRequests.inc({ cache: 'collection', result: 'hit' });
      return this.inflight;
    }
    const last = this.last;
    if (!opts.fresh && last && Date.now() - last.endedAt < this.target.minIntervalMs) {
      this.metrics.cacheRequests.inc({ cache: 'collection', result: 'hit' });
      return last;
    }
    this.metrics.cacheRequests.inc({ cache: 'collection', result: 'miss' });
    const run = this.run(deadlineSeconds(this.target.timeoutMs, opts.scrapeTimeoutSeconds), opts.debug ?? false);
    this.inflight = run;
    try {
      this.last = await run;
      return this.last;
    } finally {
      this.inflight = undefined;
    }
  }

  /** Resolves once no collection is in flight (used before closing a removed target). */
  async idle(): Promise<void> {
    await this.inflight?.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.idle();
    await this.session.stop?.();
    await this.http.close();
  }

  private async run(timeoutSeconds: number, debug: boolean): Promise<Collection> {
    const startedAt = Date.now();
    const deadline = startedAt + timeoutSeconds * 1000;
    const trace: RequestTrace[] = [];
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new UpstreamError('timeout', `collection did not finish within ${timeoutSeconds}s`));
      }, deadline - startedAt);
    });
    const ctx = {
      http: this.http.forCollection(deadline, trace),
      signal: controller.signal,
      deadline,
      log: this.log,
      now: startedAt,
      debug,
    };
    const work = this.session.collect(ctx);
    work.catch(() => undefined); // a late failure after the deadline is already reported as a timeout
    let output: CollectOutput | undefined;
    let error: UpstreamError | undefined;
    try {
      output = await Promise.race([work, expired]);
    } catch (err) {
      error = asUpstreamError(err);
    } finally {
      clearTimeout(timer);
    }
    const endedAt = Date.now();
    const failures = (output?.failed ?? []).map((f) => ({ collector: f.collector, reason: describeError(f.error) }));
    this.logChanges(error, failures);
    const samples = this.healthSamples(output, failures, (endedAt - startedAt) / 1000, timeoutSeconds, endedAt / 1000);
    // A loop, not push(...spread): a spread of more than ~120k samples overflows the call stack.
    if (output) for (const s of output.samples) samples.push(s);
    return {
      up: output !== undefined,
      startedAt,
      endedAt,
      timeoutSeconds,
      error,
      failures,
      trace,
      chunks: renderTarget(this.target.name, this.target.product, samples),
      seriesCount: samples.length,
    };
  }

  private healthSamples(
    output: CollectOutput | undefined,
    failures: Array<{ collector: string }>,
    duration: number,
    timeout: number,
    end: number,
  ): Sample[] {
    const failed = new Set(failures.map((f) => f.collector));
    const out: Sample[] = [{ name: 'backup_target_up', labels: {}, value: output ? 1 : 0 }];
    for (const collector of this.module.collectors) {
      out.push({
        name: 'backup_target_collector_success',
        labels: { collector },
        value: output && !failed.has(collector) ? 1 : 0,
      });
    }
    out.push(...sample('backup_target_scrape_duration_seconds', {}, duration));
    out.push(...sample('backup_target_scrape_timeout_seconds', {}, timeout));
    out.push(...sample('backup_target_last_collect_timestamp_seconds', {}, end));
    if (output) out.push({ name: 'backup_target_info', labels: labels(output.info), value: 1 });
    return out;
  }

  /** Logs describe changes, not repetitions: one warning when something breaks, one info when it recovers. */
  private logChanges(error: UpstreamError | undefined, failures: Array<{ collector: string; reason: string }>): void {
    const log = this.log.child({ target: this.target.name });
    const up = error === undefined;
    if (!up && this.wasUp !== false) log.warn({ kind: error.kind, reason: error.message }, 'target down');
    if (up && this.wasUp === false) log.info('target recovered');
    if (!up) log.debug({ kind: error.kind, reason: error.message }, 'collection failed');
    this.wasUp = up;
    const now = new Set(failures.map((f) => f.collector));
    for (const f of failures) {
      if (!this.failingCollectors.has(f.collector))
        log.warn({ collector: f.collector, reason: f.reason }, 'collector failing');
    }
    for (const c of this.failingCollectors) if (up && !now.has(c)) log.info({ collector: c }, 'collector recovered');
    if (up) this.failingCollectors = now;
  }
}
