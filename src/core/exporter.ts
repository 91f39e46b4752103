// The set of configured targets. A reload keeps the runner (tokens, caches, last result) of every target
// whose configuration is unchanged, and retires removed or changed ones after their in-flight collection.
import type { Logger } from 'pino';
import type { SecretRedactor } from '../common/secrets';
import type { Config, TargetConfig } from '../config/types';
import type { ProductModule } from './module';
import { expositionParts, joinChunks } from './render';
import type { SelfMetrics } from './self-metrics';
import { type Collection, type CollectOptions, TargetRunner } from './target';

/** A stable fingerprint of a target's configuration (regexes by source, secrets included). */
function fingerprint(t: TargetConfig): string {
  return JSON.stringify(t, (_k, v: unknown) => (v instanceof RegExp ? `/${v.source}/${v.flags}` : v));
}

export interface ExporterOptions {
  log: Logger;
  metrics: SelfMetrics;
  /** The product registry. */
  products: ReadonlyMap<string, ProductModule>;
  /** False with --no-schedulers. */
  schedulers?: boolean;
  /** The configured secrets, hidden in the body excerpts of upstream errors. */
  redactor?: SecretRedactor;
}

interface Entry {
  runner: TargetRunner;
  fingerprint: string;
}

export class Exporter {
  private runners = new Map<string, Entry>();
  config?: Config;
  readonly metrics: SelfMetrics;

  constructor(private readonly opts: ExporterOptions) {
    this.metrics = opts.metrics;
  }

  get targets(): TargetRunner[] {
    return [...this.runners.values()].map((r) => r.runner);
  }

  runner(name: string): TargetRunner | undefined {
    return this.runners.get(name)?.runner;
  }

  /** Applies a loaded configuration. Never throws: the configuration was validated when it was loaded. */
  apply(config: Config): void {
    const next = new Map<string, Entry>();
    const retired: TargetRunner[] = [];
    const started: TargetRunner[] = [];
    for (const target of config.targets) {
      const fp = fingerprint(target);
      const existing = this.runners.get(target.name);
      if (existing && existing.fingerprint === fp) {
        // A reload clears every target's login wait: the user may have fixed the password.
        existing.runner.gate.clear();
        next.set(target.name, existing);
        continue;
      }
      if (existing) retired.push(existing.runner);
      const runner = this.createRunner(target);
      started.push(runner);
      next.set(target.name, { runner, fingerprint: fp });
    }
    const removed = [...this.runners.keys()].filter((name) => !next.has(name));
    for (const name of removed) retired.push((this.runners.get(name) as Entry).runner);
    this.runners = next;
    this.config = config;
    const closed = new Map(retired.map((r) => [r.target.name, this.retire(r)]));
    for (const name of removed) void this.metrics.forgetTarget(name);
    // A changed target's new state starts its background work only once the old one stopped: both would use
    // the same files (a state file, downloads).
    for (const runner of started) {
      const current = () => this.runners.get(runner.target.name)?.runner === runner;
      void (closed.get(runner.target.name) ?? Promise.resolve()).then(() => {
        if (current()) runner.state.start?.();
      });
    }
  }

  private retire(r: TargetRunner): Promise<void> {
    return r.close().catch((err: unknown) => {
      this.opts.log.warn({ err, target: r.target.name }, 'closing target failed');
    });
  }

  /** Collects the given targets (default: all) concurrently. */
  async collect(
    opts: CollectOptions,
    names?: string[],
  ): Promise<Array<{ runner: TargetRunner; collection: Collection }>> {
    const runners = names
      ? names.map((n) => this.runner(n)).filter((r): r is TargetRunner => r !== undefined)
      : this.targets;
    return Promise.all(runners.map(async (runner) => ({ runner, collection: await runner.collect(opts) })));
  }

  /** The target part of an exposition for the given collections. */
  static render(collections: ReadonlyArray<{ collection: Collection }>): string {
    return joinChunks(collections.map((c) => c.collection.chunks));
  }

  /** The same as pieces in order, for a response that compresses them without joining them first. */
  static renderParts(collections: ReadonlyArray<{ collection: Collection }>): Buffer[] {
    return expositionParts(collections.map((c) => c.collection.chunks));
  }

  /** Stops every target; `abort` cuts collections in flight short (the process is exiting). */
  async close(opts: { abort?: boolean } = {}): Promise<void> {
    await Promise.all(this.targets.map((r) => r.close(opts)));
    this.runners.clear();
  }

  private createRunner(target: TargetConfig): TargetRunner {
    const module = this.opts.products.get(target.product);
    // The loader accepts only products of the same registry.
    if (!module) throw new Error(`no product module for ${target.product}`);
    const { log, redactor } = this.opts;
    const deps = { log, metrics: this.metrics, schedulers: this.opts.schedulers ?? true, redactor };
    return new TargetRunner(target, module, deps);
  }
}
