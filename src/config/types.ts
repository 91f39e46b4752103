// The configuration after loading: durations in milliseconds, secrets read from their files, regexes
// compiled. Only what every target has is known here; each product declares its own keys in its config.ts,
// and the registry that main.ts builds hands those declarations to the loader.
import type { z } from 'zod';
import type { KeyPath } from './problems';
import type { ResolveContext } from './resolve';

export interface TlsConfig {
  /** PEM text of the extra CA bundle (read at load). */
  ca?: string;
  caFile?: string;
  insecureSkipVerify: boolean;
}

export interface TargetConfig {
  name: string;
  product: string;
  /** Base URL without a trailing slash. */
  url: string;
  timeoutMs: number;
  minIntervalMs: number;
  inventoryTtlMs: number;
  concurrency: number;
  tls: TlsConfig;
  /** The collectors this target runs (contract section 3 `collectors:`), in the product's order. */
  collectors: readonly string[];
}

export interface PasswordAuth {
  username: string;
  password: string;
}

export interface JobFilter {
  include: RegExp[];
  exclude: RegExp[];
}

/** The keys of products whose unit of work is a job (lookback, warning_is_success, jobs). */
export interface JobsSettings {
  lookbackMs: number;
  warningIsSuccess: boolean;
  jobs: JobFilter;
}

/** A product's collectors (contract section 4.1): the first is the inventory collector. */
export interface CollectorSpec {
  readonly names: readonly string[];
  /** Collectors that cannot run without others (`logs` needs `sessions`). */
  readonly needs?: Readonly<Record<string, readonly string[]>>;
}

/** How a product's targets are configured: its part of the product module. */
export interface ProductConfig<T extends TargetConfig = TargetConfig> {
  /** The strict schema of a target of this product (the common keys included). */
  readonly schema: z.ZodObject;
  /** Turns a schema-valid target into its runtime form; problems go to ctx.problems, never thrown. */
  resolve(raw: never, ctx: ResolveContext): Promise<T>;
  /** The product's own keys for display, in the YAML names users write, every secret as `<secret>`. */
  show(target: T): Record<string, unknown>;
  readonly collectors: CollectorSpec;
  /** Files no two targets may share (a state file), with their key paths below the target. */
  exclusiveFiles?(target: T): Array<{ key: KeyPath; file: string }>;
}

/** The products the loader knows, by `product:` value. */
export type ConfigRegistry = ReadonlyMap<string, ProductConfig>;

export interface Config {
  targets: TargetConfig[];
  /** Every secret value in the configuration, for redaction of anything the exporter prints. */
  secrets: string[];
}

/** True when a job name passes the target's include/exclude filters (exclude wins). */
export function jobSelected(filter: JobFilter, name: string): boolean {
  return matchesAny(filter.include, name) && !matchesAny(filter.exclude, name);
}

/** The items whose name passes the filters, in their order (a loop: it runs in every collection). */
export function selectJobs<T extends { name: string }>(filter: JobFilter, items: readonly T[]): T[] {
  const out: T[] = [];
  for (const item of items) if (jobSelected(filter, item.name)) out.push(item);
  return out;
}

/** A loop, not `some` with a closure: this runs for every job of every collection. */
function matchesAny(patterns: readonly RegExp[], name: string): boolean {
  for (const r of patterns) if (r.test(name)) return true;
  return false;
}
