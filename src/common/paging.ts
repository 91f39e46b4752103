// Every listing of every vendor is paged by the exporter and must end: a server that ignores the offset (or
// marker) and returns the same page forever, or a listing far beyond any real estate, is a `decode` failure
// naming the endpoint instead of a loop that eats memory and takes every target down with the process.
import { decodeError } from './errors';

/** Items one listing may bring, well above real estates. */
export const MAX_LIST_ITEMS = 1_000_000;

export class PageGuard {
  private readonly seen = new Set<string>();
  private items = 0;

  constructor(
    private readonly endpoint: string,
    private readonly maxItems = MAX_LIST_ITEMS,
  ) {}

  /** Items so far. */
  get total(): number {
    return this.items;
  }

  /** Checks one page before its items are used; throws when it repeats an earlier page or passes the bound. */
  page(items: readonly unknown[]): void {
    if (items.length === 0) return;
    const key = `${items.length}\u0000${JSON.stringify(items[0])}\u0000${JSON.stringify(items[items.length - 1])}`;
    if (this.seen.has(key)) {
      throw decodeError(`${this.endpoint}: a page repeats an earlier one (the server ignores paging)`, this.endpoint);
    }
    this.seen.add(key);
    this.items += items.length;
    if (this.items > this.maxItems) {
      throw decodeError(`${this.endpoint}: more than ${this.maxItems} items in one listing`, this.endpoint);
    }
  }
}
