// Bounded parallel maps. The HTTP client already bounds requests per target; these also bound how many
// promises (each holding a response buffer) are alive at once, so thousands of jobs or users never become
// thousands of pending requests.
import { UpstreamError } from './errors';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `step(i)` for every index with at most `limit` in progress; a worker stops when `step` returns false. */
async function workers(count: number, limit: number, step: (i: number) => Promise<boolean>): Promise<void> {
  const queue: Queue = { next: 0, count, step };
  const running: Array<Promise<void>> = [];
  for (let w = Math.max(1, Math.min(limit, count)); w > 0; w--) running.push(worker(queue));
  await Promise.all(running);
}

interface Queue {
  next: number;
  readonly count: number;
  readonly step: (i: number) => Promise<boolean>;
}

/** One worker, a function of the module rather than a closure made per call: V8 keeps its optimised code. */
async function worker(q: Queue): Promise<void> {
  while (q.next < q.count) {
    if (!(await q.step(q.next++))) return;
  }
}

/** Maps with at most `limit` calls in flight, results in input order; the first failure fails the map. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let failed = false;
  await workers(items.length, limit, async (i) => {
    // After a failure the other workers stop taking items: the whole map fails anyway.
    if (failed) return false;
    try {
      out[i] = await fn(items[i] as T, i);
      return true;
    } catch (err) {
      failed = true;
      throw err;
    }
  });
  return out;
}

/** Like mapLimit, but every item settles on its own; items not started before `signal` aborts fail as timeouts. */
export async function settleLimit<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  fn: (item: T) => Promise<R>,
): Promise<Array<Settled<R>>> {
  const out: Array<Settled<R>> = new Array(items.length);
  await workers(items.length, limit, async (i) => {
    if (signal.aborted) {
      out[i] = { ok: false, error: new UpstreamError('timeout', 'deadline passed before the request was sent') };
      return true;
    }
    try {
      out[i] = { ok: true, value: await fn(items[i] as T) };
    } catch (error) {
      out[i] = { ok: false, error };
    }
    return true;
  });
  return out;
}
