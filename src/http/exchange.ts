// One attempt of one request: a concurrency slot, the deadline as an AbortSignal, the response and its body,
// and the bookkeeping every attempt gets (upstream metrics and the /probe?debug=true trace line).

import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { request, type Dispatcher } from 'undici';
import { UpstreamError } from '../common/errors';
import type { SecretRedactor } from '../common/secrets';
import type { TargetConfig } from '../config/types';
import type { RequestObserver, RequestTrace } from './types';
import { flattenHeaders } from './body';
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

export async function exchange<T>(
  shared: TargetShared,
  req: Prepared,
  deadline: number,
  trace: RequestTrace[] | undefined,
  read: BodyReader<T>,
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
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timerDelay(deadline - Date.now()));
  const started = performance.now();
  let status: number | undefined;
  let outcome: number | string = 'error';
  try {
    const res = await request(req.url, {
      dispatcher: shared.dispatcher,
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: abort.signal,
    });
    status = res.statusCode;
    try {
      const headers = flattenHeaders(res.headers);
      const value = await read(res.body, status, headers);
      outcome = status;
      // undici marks the connection free on the next turn of the event loop; a caller that sends its next
      // request at once would otherwise open a second connection instead of reusing this one.
      await new Promise(setImmediate);
      return { status, headers, value };
    } finally {
      if (!res.body.destroyed && !res.body.readableEnded) res.body.destroy();
    }
  } catch (err) {
    const e = failure(err, abort.signal.aborted, status, req);
    outcome = e.kind;
    throw e;
  } finally {
    clearTimeout(timer);
    release();
    const seconds = (performance.now() - started) / 1000;
    record(shared, status, outcome, seconds);
    trace?.push({ method: req.method, path: req.tracePath, outcome, durationMs: Math.round(seconds * 1000) });
  }
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
