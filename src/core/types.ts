// The collector contract. A product module turns one target's vendor API into plain samples; the engine adds
// `target` and `product`, the target health series, caching, deadlines and rendering. Products never touch
// prom-client.

import type { Logger } from 'pino';
import type { FamilyName } from './families';
import type { HttpClient } from '../http/types';
import type { Caches } from './cache';
import type { SelfMetrics } from './self-metrics';
import type { TargetConfig, ProductName } from '../config/types';

export type Labels = Record<string, string>;

/** One series. `labels` never contains `target` or `product` (the engine adds them). */
export interface Sample {
  readonly name: FamilyName;
  readonly labels: Labels;
  readonly value: number;
}

/** What a product's collect() returns when the target is up. */
export interface CollectOutput {
  /** `backup_target_info` labels; server_version omitted when unknown. */
  readonly info: { api_version: string; server_version?: string };
  readonly samples: Sample[];
  /** Collectors (by fixed name) that failed, with the reason; every other collector succeeded. */
  readonly failed: ReadonlyArray<{ collector: string; error: unknown }>;
}

/** Everything a collection may use. One context per collection of one target. */
export interface CollectContext {
  /** HTTP client bound to this target and this collection's deadline (requests are traced for debug). */
  readonly http: HttpClient;
  /** Aborts when the deadline passes. */
  readonly signal: AbortSignal;
  /** Deadline, epoch milliseconds. */
  readonly deadline: number;
  readonly log: Logger;
  /** Collection start, epoch milliseconds: use it as "now" so one collection sees one clock. */
  readonly now: number;
  /** True for /probe?debug=true; nothing to do differently, except that a product may log more. */
  readonly debug: boolean;
}

/** Long-lived services a product session gets from the engine. */
export interface SessionDeps {
  readonly log: Logger;
  readonly caches: Caches;
  readonly metrics: SelfMetrics;
  /** A client for this target outside any collection (background work: Huawei exports). */
  readonly http: HttpClient;
}

/**
 * Per-target state that survives collections (tokens, detected version, product caches) and lives until the
 * target is removed or changed by a reload.
 */
export interface ProductSession {
  /**
   * Collects the target. Throws (an UpstreamError, ideally) when login, version detection or the inventory
   * collector fails: the target is then down. Failures of the other parts are reported in `failed`.
   */
  collect(ctx: CollectContext): Promise<CollectOutput>;
  /** Background work that is not a scrape (Huawei log exports). Started after load, stopped on reload/exit. */
  start?(): void;
  stop?(): Promise<void>;
  /** POST /-/log-exports (huawei_clouddc only). */
  startLogExport?(serverId: string): Promise<LogExportStartResult>;
}

export type LogExportStartResult = { status: 202; exportId: string } | { status: 400 | 409 | 502; reason: string };

export interface ProductModule<C extends TargetConfig = TargetConfig> {
  readonly product: ProductName;
  /** Fixed collector names (contract 4.1); the first is the inventory collector. */
  readonly collectors: readonly string[];
  /** True when `backup_exporter_logins_total` is initialised for this target (it logs in). */
  logsIn(target: C): boolean;
  createSession(target: C, deps: SessionDeps): ProductSession;
}
