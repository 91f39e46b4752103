// Lists built from pieces of any size.

/**
 * Appends `items` to `out` one by one. `out.push(...items)` passes every item as an argument on the stack, and
 * a large page overflows it ("Maximum call stack size exceeded").
 */
export function pushAll<T>(out: T[], items: readonly T[]): T[] {
  for (const item of items) out.push(item);
  return out;
}
