// The product module contract. A product is one folder under src/products; its module says how its targets
// are configured and shown, which collectors it has, how one target is collected, and what else it offers
// (actions the server mounts, background work). The configuration loader, the engine and the server know
// products only through this interface and the registry that main.ts hands them.
import type { Logger } from 'pino';
import type { ProductConfig, TargetConfig } from '../config/types';
import type { LoginGate } from '../http/login-gate';
import type { LoginResult } from '../http/token';
import type { HttpClient } from '../http/types';
import type { Caches } from './cache';
import type { Sample } from './samples';

export interface ProductModule<T extends TargetConfig = TargetConfig, S extends ProductState = ProductState> {
  /** The `product:` value of a target. */
  readonly product: string;
  /** The product's name for people (help texts, the landing page). */
  readonly title: string;
  /** Configuration keys, defaults, display with secrets hidden, collectors (contract sections 3 and 4.1). */
  readonly config: ProductConfig<T>;
  /** True when `backup_exporter_logins_total` is initialised for this target (it logs in). */
  logsIn(target: T): boolean;
  /** The per-target state: lives from the (re)load that creates the target until it is removed or changed. */
  createState(target: T, deps: StateDeps): S;
  /** Endpoints the server mounts for every product that declares them (e.g. POST /-/log-exports). */
  readonly actions?: ReadonlyArray<ModuleAction<S>>;
}

/** What the engine gives a target's state for its whole life. */
export interface StateDeps {
  /** Bound to the target (`target=<name>` on every line). */
  readonly log: Logger;
  readonly caches: Caches;
  /** A client for this target outside any collection (background work). */
  readonly http: HttpClient;
  /** The target's login gate: rejected logins wait (contract section 2); cleared on reload. */
  readonly gate: LoginGate;
  /** Counts a password grant, refresh or IAM token request. */
  readonly onLogin: (result: LoginResult) => void;
  /** False with --no-schedulers: start no background work that writes to the vendor. */
  readonly schedulers: boolean;
}

export interface ProductState {
  /**
   * Collects the target. Login, version detection and the inventory run inside `ctx.inventory()`: when they
   * fail the target is down. Every other collector runs inside `ctx.part()`.
   */
  collect(ctx: CollectContext): Promise<CollectResult>;
  /** Starts background work (after a load); stopped on reload, removal and exit. */
  start?(): void;
  stop?(): Promise<void>;
}

export interface CollectResult {
  /** `backup_target_info` labels; server_version omitted when unknown. */
  readonly info: { api_version: string; server_version?: string };
  readonly samples: Sample[];
}

/** Everything one collection of one target may use. */
export interface CollectContext {
  /** Bound to this target and this collection's deadline; requests are traced for /probe?debug=true. */
  readonly http: HttpClient;
  /** Aborts when the deadline passes (or the exporter stops). */
  readonly signal: AbortSignal;
  /** Deadline, epoch milliseconds. */
  readonly deadline: number;
  readonly log: Logger;
  /** Collection start, epoch milliseconds: "now" for the whole collection. */
  readonly now: number;
  /** True for /probe?debug=true. */
  readonly debug: boolean;
  /** Runs login, detection and the inventory collector: a failure or the deadline takes the target down. */
  inventory<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs one collector. Undefined when it is not selected, a collector it needs failed, it failed, or the
   * deadline passed first: its series are then left out; every outcome is reported by the engine.
   */
  part<T>(collector: string, fn: (scope: PartScope) => Promise<T>): Promise<T | undefined>;
  /** Whether the configuration selects this collector. */
  selected(collector: string): boolean;
}

export interface PartScope {
  /** Aborts at the deadline. */
  readonly signal: AbortSignal;
  /**
   * One item of the part failed (a job's sessions, a user's data): its series are left out and the collector
   * reports failure, while every other item keeps its series.
   */
  itemFailed(item: string, error: unknown): void;
}

/** An endpoint a product adds to the server, e.g. `POST /-/log-exports?target=NAME&server=ID`. */
export interface ModuleAction<S extends ProductState = ProductState> {
  readonly method: 'POST';
  readonly path: string;
  /** For the 400 answer to a target whose product has no such action: "target X has no <what>". */
  readonly what: string;
  run(state: S, params: URLSearchParams): Promise<ActionResult>;
}

export type ActionResult = { status: number; json: object } | { status: number; text: string };
