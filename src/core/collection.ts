// One collection of one target: the deadline, the parts, the health series (contract section 4.1) and the
// rendered exposition, kept with the collection so that a reused collection costs no re-render.
import type { Logger } from 'pino';
import { asUpstreamError, UpstreamError } from '../common/errors';
import type { TargetConfig } from '../config/types';
import type { TargetHttp } from '../http/client';
import type { RequestTrace } from '../http/types';
import type { CollectContext, CollectResult, ProductModule, ProductState } from './module';
import { type PartFailure, PartLedger } from './parts';
import { type RenderedChunks, renderTarget } from './render';
import { labels, type Sample, sample } from './samples';

export interface Collection {
  up: boolean;
  startedAt: number;
  endedAt: number;
  timeoutSeconds: number;
  /** The header cut the deadline below the target's timeout (contract section 2: not served to later deadlines). */
  cut: boolean;
  /** The whole collection or one of its parts ran out of time. */
  timedOut: boolean;
  /** Why the target is down, else undefined. */
  error?: UpstreamError;
  /** Failed collectors with their reasons. */
  failures: PartFailure[];
  trace: RequestTrace[];
  chunks: RenderedChunks;
  seriesCount: number;
}

/** What one collection needs from its target's runner. */
export interface CollectionInput {
  target: TargetConfig;
  module: ProductModule;
  state: ProductState;
  http: TargetHttp;
  log: Logger;
  timeoutSeconds: number;
  cut: boolean;
  debug: boolean;
  /** Aborts the collection before its deadline (the exporter is stopping). */
  stop: AbortSignal;
}

/**
 * After the deadline, parts resolve at once and the product only assembles its samples; this bounds that
 * last step (within the 0.5 s the deadline leaves before the scrape's own timeout).
 */
const ASSEMBLY_GRACE_MS = 250;

/** What the parts of one collection produced, before health series and rendering. */
export interface PartsOutcome {
  result?: CollectResult;
  error?: UpstreamError;
  failures: PartFailure[];
  timedOut: boolean;
  trace: RequestTrace[];
  startedAt: number;
  endedAt: number;
}

/** Runs the product's collect() under the deadline and the part rules. Never throws. */
export async function collectParts(i: CollectionInput, now = Date.now()): Promise<PartsOutcome> {
  const startedAt = Date.now();
  const deadline = startedAt + i.timeoutSeconds * 1000;
  const trace: RequestTrace[] = [];
  const clock = new DeadlineClock(deadline - startedAt, i.stop);
  const ledger = new PartLedger(i.module.config.collectors, i.target.collectors, clock.expired, clock.signal);
  const ctx: CollectContext = {
    http: i.http.forCollection(deadline, trace),
    signal: clock.signal,
    deadline,
    log: i.log,
    now,
    debug: i.debug,
    inventory: (fn) => ledger.inventory(fn),
    part: (collector, fn) => ledger.part(collector, fn),
    selected: (collector) => ledger.selected(collector),
  };
  let result: CollectResult | undefined;
  let error: UpstreamError | undefined;
  try {
    result = await assemble(i.state.collect(ctx), clock.expired);
    error = ledger.loginError ?? (ledger.inventoryDone ? undefined : notRun());
  } catch (err) {
    error = asUpstreamError(err);
  } finally {
    clock.dispose();
  }
  const up = error === undefined && result !== undefined;
  const timedOut = error?.kind === 'timeout' || ledger.timedOut;
  const failures = up ? ledger.failures() : [];
  // Literals of one shape each rather than spreads: the engine's optimised code keeps to a few hidden classes.
  const endedAt = Date.now();
  return up
    ? { failures, timedOut, trace, startedAt, endedAt, result }
    : { failures, timedOut, trace, startedAt, endedAt, error };
}

export async function runCollection(i: CollectionInput): Promise<Collection> {
  const o = await collectParts(i);
  const health = healthSamples(i.target, o.result, o.failures, {
    duration: (o.endedAt - o.startedAt) / 1000,
    timeout: i.timeoutSeconds,
    end: o.endedAt / 1000,
  });
  if (o.result) append(health, o.result.samples);
  return {
    up: o.result !== undefined,
    startedAt: o.startedAt,
    endedAt: o.endedAt,
    timeoutSeconds: i.timeoutSeconds,
    cut: i.cut,
    timedOut: o.timedOut,
    ...(o.error ? { error: o.error } : {}),
    failures: o.failures,
    trace: o.trace,
    chunks: renderTarget(i.target.name, i.target.product, health),
    seriesCount: health.length,
  };
}

/** A loop, not push(...spread): a spread of more than ~120k samples overflows the call stack. */
function append(out: Sample[], samples: readonly Sample[]): void {
  for (const s of samples) out.push(s);
}

/** The deadline of one collection: `expired` resolves and `signal` aborts when it passes or the exporter stops. */
class DeadlineClock {
  readonly expired: Promise<void>;
  readonly signal: AbortSignal;
  private readonly timer: NodeJS.Timeout;
  private readonly onStop: () => void;

  constructor(
    ms: number,
    private readonly stop: AbortSignal,
  ) {
    const controller = new AbortController();
    let expire = (): void => undefined;
    this.expired = new Promise<void>((resolve) => {
      expire = resolve;
    });
    this.onStop = expire;
    this.timer = setTimeout(() => {
      controller.abort();
      expire();
    }, ms);
    stop.addEventListener('abort', this.onStop);
    this.signal = AbortSignal.any([controller.signal, stop]);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.stop.removeEventListener('abort', this.onStop);
  }
}

async function assemble(work: Promise<CollectResult>, expired: Promise<void>): Promise<CollectResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = expired.then(
    () =>
      new Promise<never>((_, reject) => {
        const why = new UpstreamError('timeout', 'the collection did not finish by its deadline');
        timer = setTimeout(() => reject(why), ASSEMBLY_GRACE_MS);
      }),
  );
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function notRun(): UpstreamError {
  return new UpstreamError('internal', 'the product finished its collection without running its inventory');
}

interface Times {
  duration: number;
  timeout: number;
  end: number;
}

function healthSamples(t: TargetConfig, result: CollectResult | undefined, failures: PartFailure[], x: Times) {
  const failed = new Set(failures.map((f) => f.collector));
  const out: Sample[] = [{ name: 'backup_target_up', labels: {}, value: result ? 1 : 0 }];
  for (const collector of t.collectors) {
    const value = result && !failed.has(collector) ? 1 : 0;
    out.push({ name: 'backup_target_collector_success', labels: { collector }, value });
  }
  out.push(...sample('backup_target_scrape_duration_seconds', {}, x.duration));
  out.push(...sample('backup_target_scrape_timeout_seconds', {}, x.timeout));
  out.push(...sample('backup_target_last_collect_timestamp_seconds', {}, x.end));
  if (result) out.push({ name: 'backup_target_info', labels: labels(result.info), value: 1 });
  return out;
}
