// Bounded parallel maps. The HTTP client already bounds requests per target; these also bound how many
// promises (each holding a response buffer) are alive at once, so thousands of jobs or users never become
// thousands of pending requests.
//
// `fn` gets a context argument so that hot callers can pass a function of their module instead of a closure
// made per collection: V8 drops the optimised code of a closure once no instance of it is alive at a full GC,
// and would compile it (with everything inlined into it) again in every collection. For the same reason the
// workers below are functions of this module working on a queue object, not closures.
import { UpstreamError } from './errors';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Queue<T, R, C> {
  next: number;
  readonly items: readonly T[];
  readonly fn: (item: T, ctx: C) => Promise<R>;
  readonly ctx: C;
  /** mapLimit: a failure stops the other workers taking items (the whole map fails anyway). */
  failed: boolean;
}

function queueOf<T, R, C>(items: readonly T[], fn: (item: T, ctx: C) => Promise<R>, ctx: C): Queue<T, R, C> {
  return { next: 0, items, fn, ctx, failed: false };
}

/** Runs `worker` `limit` times side by side (at least once, at most once per item). */
async function workers<Q>(count: number, limit: number, q: Q, worker: (q: Q) => Promise<void>): Promise<void> {
  const running: Array<Promise<void>> = [];
  for (let w = Math.max(1, Math.min(limit, count)); w > 0; w--) running.push(worker(q));
  await Promise.all(running);
}

async function mapWorker<T, R, C>(q: Queue<T, R, C>, out: R[]): Promise<void> {
  while (q.next < q.items.length && !q.failed) {
    const i = q.next++;
    try {
      out[i] = await q.fn(q.items[i] as T, q.ctx);
    } catch (err) {
      q.failed = true;
      throw err;
    }
  }
}

async function settleWorker<T, R, C>(q: Queue<T, R, C>, out: Array<Settled<R>>, signal: AbortSignal): Promise<void> {
  while (q.next < q.items.length) {
    const i = q.next++;
    if (signal.aborted) {
      out[i] = { ok: false, error: new UpstreamError('timeout', 'deadline passed before the request was sent') };
      continue;
    }
    try {
      out[i] = { ok: true, value: await q.fn(q.items[i] as T, q.ctx) };
    } catch (error) {
      out[i] = { ok: false, error };
    }
  }
}

/** Maps with at most `limit` calls in flight, results in input order; the first failure fails the map. */
export async function mapLimit<T, R, C = undefined>(
  items: readonly T[],
  limit: number,
  fn: (item: T, ctx: C) => Promise<R>,
  ctx?: C,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  await workers(items.length, limit, queueOf(items, fn, ctx as C), (q) => mapWorker(q, out));
  return out;
}

/** Like mapLimit, but every item settles on its own; items not started before `signal` aborts fail as timeouts. */
export async function settleLimit<T, R, C = undefined>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  fn: (item: T, ctx: C) => Promise<R>,
  ctx?: C,
): Promise<Array<Settled<R>>> {
  const out: Array<Settled<R>> = new Array(items.length);
  await workers(items.length, limit, queueOf(items, fn, ctx as C), (q) => settleWorker(q, out, signal));
  return out;
}
