// One attempt of one request: a concurrency slot, the deadline, the response and its body, and the bookkeeping
// every attempt gets (upstream metrics and the /probe?debug=true trace line). How the body is read is the
// sender's: held in memory (./buffered.ts) or streamed to a file (downloads, below).

import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { request, type Dispatcher } from 'undici';
import { UpstreamError } from '../common/errors';
import type { SecretRedactor } from '../common/secrets';
import type { TargetConfig } from '../config/types';
import type { RequestObserver, RequestTrace } from './types';
import { flatten } from './buffered';
import { networkError, timeoutError } from './errors';
import { timerDelay } from './retry';
import type { Semaphore } from './semaphore';

/** What every view of one target shares. */
export interface TargetShared {
  readonly target: TargetConfig;
  readonly dispatcher: Dispatcher;
  readonly slots: Semaphore;
  readonly log: Logger;
  readonly observer?: RequestObserver;
  readonly maxBodyBytes: number;
  /** Hides configured secrets in excerpts of bodies quoted in error messages. */
  readonly redactor?: SecretRedactor;
}

/** A request ready to send. `path` is the caller's path (for messages); `url` is the full URL. */
export interface Prepared {
  readonly method: Dispatcher.HttpMethod;
  readonly path: string;
  readonly url: string;
  /** `url` split for the dispatcher. */
  readonly origin: string;
  readonly pathAndQuery: string;
  readonly tracePath: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface Exchanged<T> {
  status: number;
  headers: Record<string, string | undefined>;
  value: T;
}

/** Reads a response body; `headers` are the response's, lower-cased (Content-Length decides before reading). */
export type BodyReader<T> = (body: Readable, status: number, headers: Record<string, string | undefined>) => Promise<T>;

/** What an attempt learned before it failed: the status of a response, and whether the deadline stopped it. */
export interface Attempt {
  status?: number;
  timedOut: boolean;
}

/** Sends one attempt and reads its body, noting in `attempt` what a failure needs to be told apart. */
export type Sender<T> = (attempt: Attempt) => Promise<Exchanged<T>>;

export async function exchange<T>(
  shared: TargetShared,
  req: Prepared,
  deadline: number,
  trace: RequestTrace[] | undefined,
  send: Sender<T>,
): Promise<Exchanged<T>> {
  const queued = performance.now();
  const release = await shared.slots.acquire(deadline);
  if (!release || deadline - Date.now() <= 0) {
    release?.();
    // Never sent: traced for debug output, but not counted as a request to the vendor.
    trace?.push({
      method: req.method,
      path: req.tracePath,
      outcome: 'timeout',
      durationMs: Math.round(performance.now() - queued),
    });
    throw timeoutError(req.method, req.path, 'deadline passed while waiting for a free connection slot');
  }
  const started = performance.now();
  const attempt: Attempt = { timedOut: false };
  let outcome: number | string = 'error';
  try {
    const res = await send(attempt);
    outcome = res.status;
    return res;
  } catch (err) {
    const e = failure(err, attempt.timedOut, attempt.status, req);
    outcome = e.kind;
    throw e;
  } finally {
    release();
    const seconds = (performance.now() - started) / 1000;
    record(shared, attempt.status, outcome, seconds);
    trace?.push({ method: req.method, path: req.tracePath, outcome, durationMs: Math.round(seconds * 1000) });
  }
}

/** A sender whose body is a stream (downloads): undici's request() with the deadline as an AbortSignal. */
export function streamed<T>(shared: TargetShared, req: Prepared, deadline: number, read: BodyReader<T>): Sender<T> {
  return async (attempt) => {
    const abort = new AbortController();
    const timer = setTimeout(
      () => {
        attempt.timedOut = true;
        abort.abort();
      },
      timerDelay(deadline - Date.now()),
    );
    try {
      const res = await request(req.url, {
        dispatcher: shared.dispatcher,
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: abort.signal,
      });
      const status = res.statusCode;
      attempt.status = status;
      try {
        const headers = flatten(res.headers);
        const value = await read(res.body, status, headers);
        // undici marks the connection free on the next turn of the event loop; a caller that sends its next
        // request at once would otherwise open a second connection instead of reusing this one.
        await new Promise(setImmediate);
        return { status, headers, value };
      } finally {
        if (!res.body.destroyed && !res.body.readableEnded) res.body.destroy();
      }
    } finally {
      clearTimeout(timer);
    }
  };
}

function failure(err: unknown, deadlinePassed: boolean, status: number | undefined, req: Prepared): UpstreamError {
  if (deadlinePassed) {
    return timeoutError(
      req.method,
      req.path,
      status === undefined
        ? 'no response before the deadline'
        : `HTTP ${status} but the body was not complete before the deadline`,
    );
  }
  return err instanceof UpstreamError ? err : networkError(err, req.method, req.path);
}

/** `code` is the status of any response (also when its body failed later), else `timeout` or `error`. */
function record(shared: TargetShared, status: number | undefined, outcome: number | string, seconds: number): void {
  const code = status !== undefined ? String(status) : outcome === 'timeout' ? 'timeout' : 'error';
  shared.observer?.request(code, seconds);
}
