// Caches with hit/miss accounting in backup_exporter_cache_requests_total.
//  - inventory: rarely changing lists (jobs, users, servers) reused for inventory_ttl;
//  - immutable: data that never changes once final (a finished run's log items or report), bounded LRU.

import type { SelfMetrics } from './self-metrics';

type CacheName = 'inventory' | 'immutable';

/** Time-bounded cache with single flight: concurrent loads of one key share one upstream call. */
export class TtlCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  constructor(
    private readonly metrics: SelfMetrics | undefined,
    private readonly ttlMs: number,
  ) {}

  async get<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) {
      count(this.metrics, 'inventory', 'hit');
      return hit.value as Promise<T>;
    }
    count(this.metrics, 'inventory', 'miss');
    const value = load();
    this.entries.set(key, { at: now, value });
    // A failed load is not cached: the next collection tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Entries of a target's immutable cache. Each collection walks the same finished items in the same order, so a
 * target with more of them than this re-fetches every one each time (least-recently-used evicts exactly the
 * next one needed): a backup server of 4,800 users with a finished job list per user and day keeps about 34,000
 * entries, and a bound of 20,000 made its warm collection cost 35,000 requests instead of about 5,600.
 * 100,000 small entries (a day's job list, a run's counts) stay within tens of MB.
 */
export const IMMUTABLE_ENTRIES = 100_000;

/** Least-recently-used map for immutable data. */
export class LruCache {
  private readonly entries = new Map<string, unknown>();
  constructor(
    private readonly metrics: SelfMetrics | undefined,
    readonly maxEntries = IMMUTABLE_ENTRIES,
  ) {}

  get<T>(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value === undefined) {
      count(this.metrics, 'immutable', 'miss');
      return undefined;
    }
    count(this.metrics, 'immutable', 'hit');
    this.entries.delete(key);
    this.entries.set(key, value);
    return value as T;
  }

  set(key: string, value: unknown): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /**
   * A value that never changes once `final` (a finished run's log counts, a finished job's report): fetched
   * once and kept; while not final it is fetched every time. An undefined result (gone) is not kept. `load`
   * gets `ctx`, so a hot caller can pass a function of its module rather than a closure made per call (see
   * common/pool).
   */
  async once<T, C = undefined>(key: string, final: boolean, load: (ctx: C) => Promise<T>, ctx?: C): Promise<T> {
    const hit = final ? this.get<T>(key) : undefined;
    if (hit !== undefined) return hit;
    const value = await load(ctx as C);
    if (final && value !== undefined) this.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface Caches {
  readonly inventory: TtlCache;
  readonly immutable: LruCache;
}

export function createCaches(metrics: SelfMetrics | undefined, inventoryTtlMs: number, maxImmutable?: number): Caches {
  return {
    inventory: new TtlCache(metrics, inventoryTtlMs),
    immutable: new LruCache(metrics, maxImmutable ?? immutableEntriesFromEnv()),
  };
}

/**
 * `BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES` bounds the immutable LRU per target (0 = keep nothing). There is
 * no configuration key for it: it exists so `npm run bench` can measure a "no caches" baseline. Read only here.
 */
export function immutableEntriesFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.BACKUP_EXPORTER_IMMUTABLE_CACHE_ENTRIES?.trim();
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

function count(metrics: SelfMetrics | undefined, cache: CacheName, result: 'hit' | 'miss'): void {
  metrics?.cacheRequests.inc({ cache, result });
}
