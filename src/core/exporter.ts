// The set of configured targets. A reload keeps the runner (tokens, caches, last result) of every target
// whose configuration is unchanged, and retires removed or changed ones after their in-flight collection.
import type { Logger } from 'pino';
import type { Config, TargetConfig } from '../config/types';
import { productModule } from '../products';
import { expositionParts, joinChunks } from './render';
import type { SelfMetrics } from './self-metrics';
import { TargetRunner, type Collection, type CollectOptions } from './target';

/** A stable fingerprint of a target's configuration (regexes by source, secrets included). */
function fingerprint(t: TargetConfig): string {
  return JSON.stringify(t, (_k, v: unknown) => (v instanceof RegExp ? `/${v.source}/${v.flags}` : v));
}

export class Exporter {
  private runners = new Map<string, { runner: TargetRunner; fingerprint: string }>();
  config?: Config;

  constructor(
    private readonly log: Logger,
    readonly metrics: SelfMetrics,
  ) {}

  get targets(): TargetRunner[] {
    return [...this.runners.values()].map((r) => r.runner);
  }

  runner(name: string): TargetRunner | undefined {
    return this.runners.get(name)?.runner;
  }

  /** Applies a loaded configuration. Never throws: the configuration was validated when it was loaded. */
  apply(config: Config): void {
    const next = new Map<string, { runner: TargetRunner; fingerprint: string }>();
    const retired: TargetRunner[] = [];
    const started: TargetRunner[] = [];
    for (const target of config.targets) {
      const fp = fingerprint(target);
      const existing = this.runners.get(target.name);
      if (existing && existing.fingerprint === fp) {
        next.set(target.name, existing);
        continue;
      }
      if (existing) retired.push(existing.runner);
      const runner = new TargetRunner(target, productModule(target), this.log, this.metrics);
      started.push(runner);
      next.set(target.name, { runner, fingerprint: fp });
    }
    const removed: string[] = [];
    for (const [name, entry] of this.runners) {
      if (next.has(name)) continue;
      retired.push(entry.runner);
      removed.push(name);
    }
    this.runners = next;
    this.config = config;
    for (const r of retired)
      void r.close().catch((err: unknown) => this.log.warn({ err, target: r.target.name }, 'closing target failed'));
    for (const name of removed) void this.metrics.forgetTarget(name);
    for (const runner of started) runner.session.start?.();
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

  async close(): Promise<void> {
    await Promise.all(this.targets.map((r) => r.close()));
    this.runners.clear();
  }
}
