// Orders that do not depend on the locale or on the order a vendor lists things.

/** Compares by UTF-16 code units (the order of `<`): the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Keyed<T> {
  key: string;
  item: T;
}

function compareKeyed<T>(a: Keyed<T>, b: Keyed<T>): number {
  return compareText(a.key, b.key);
}

/**
 * A copy of `items` sorted by a text key (stable), each key computed once rather than twice per comparison;
 * the comparator is this module's, not a closure made per call (whose optimised code V8 would drop).
 */
export function sortedByText<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  const keyed: Array<Keyed<T>> = [];
  for (const item of items) keyed.push({ key: key(item), item });
  keyed.sort(compareKeyed);
  const out = new Array<T>(keyed.length);
  for (let i = 0; i < keyed.length; i++) out[i] = (keyed[i] as Keyed<T>).item;
  return out;
}
