// A small worker pool: CBS servers are small machines, so thousands of users must never become thousands of
// pending requests (each holding a response buffer). At most `limit` items are in progress at a time.
import { UpstreamError } from '../../core/errors';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `fn` over `items` with at most `limit` in flight; stops starting new items once `signal` aborts. */
export async function pool<I, T>(
  items: readonly I[], limit: number, signal: AbortSignal, fn: (item: I) => Promise<T>,
): Promise<Array<Settled<T>>> {
  const results: Array<Settled<T>> = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      if (signal.aborted) {
        results[i] = { ok: false, error: new UpstreamError('timeout', 'deadline passed before the request was sent') };
        continue;
      }
      try {
        results[i] = { ok: true, value: await fn(items[i] as I) };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  };
  const workers = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
