// Orders that do not depend on the locale or on the order a vendor lists things.

/** Compares by UTF-16 code units (the order of `<`): the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator by a text key. */
export function byText<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareText(key(a), key(b));
}
