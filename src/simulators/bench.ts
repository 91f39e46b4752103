// What `npm run bench` needs of a product's simulator, besides starting it: the estate of each benchmark
// scenario at a scale factor, and the lower bound of a warm collection computed from the simulated data. Each
// product's `bench.ts` fills this in; the benchmark itself names no product.
import type { Simulator } from './common';
import type { StartOptions } from './module';

/**
 * `full`: every product at the size of the bench estate (tens of thousands of runs and series).
 * `requests`: dominated by upstream requests with small answers (many backup users, one call each), for the
 * exporter's CPU per request; products without such a shape take no part.
 */
export type BenchScenario = 'full' | 'requests';

export interface BoundItem {
  request: string;
  count: number;
  why: string;
}

/** The requests a correct exporter cannot avoid in a warm collection, and how many depend on each other. */
export interface LowerBound {
  minimalRequests: number;
  /** Requests that depend on each other's answers, one after another. */
  criticalChain: number;
  items: BoundItem[];
}

export interface BoundContext {
  nowMs: number;
  lookbackMs: number;
}

export interface BenchEstate<S extends Simulator = Simulator> {
  /** What the simulator holds at this size, in a few words. */
  readonly describe: string;
  start(opts: StartOptions): Promise<S>;
  /** The lower bound of a warm collection (inventory fresh, token kept, immutable items cached). */
  bound(sim: S, c: BoundContext): LowerBound;
  /**
   * Requests for data reused for `inventory_ttl` besides the inventory (storage, licence, coverage, components):
   * counted cold, and none may be sent warm. Matched against the request path with its query.
   */
  readonly slowData?: RegExp;
}

export const bound = (items: BoundItem[], criticalChain: number): LowerBound => ({
  minimalRequests: sum(items.map((i) => i.count)),
  criticalChain,
  items,
});

/** Pages needed for `items` at `pageSize` per page; an empty list still costs one request. */
export function pages(items: number, pageSize: number): number {
  return Math.max(1, Math.ceil(items / Math.max(1, pageSize)));
}

export function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** `n` scaled by `factor`, at least 1 (a fraction shrinks an estate for a quick try). */
export function scaledCount(n: number, factor: number): number {
  return Math.max(1, Math.round(n * factor));
}
