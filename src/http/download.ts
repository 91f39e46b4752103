// Downloads outside collections. An archive on a slow link may take far longer than any request should, so a
// background download has no overall deadline, only an idle one (no response, or no byte, for that long ends
// it); and its owner may stop it at once (the exporter or the target is stopping) instead of waiting for it.
import type { Dispatcher } from 'undici';
import { UpstreamError } from '../common/errors';

export interface DownloadLimits {
  /** undici's headersTimeout and bodyTimeout: the wait for the response, and between two chunks of its body. */
  idleMs?: number;
  /** Aborts the request at once; the body then fails with `internal` "stopped". */
  signal?: AbortSignal;
  /** `METHOD /path`, for the message. */
  what: string;
}

/** The target's dispatcher (same pool and connections) with the limits of one download applied. */
export function downloadDispatcher(base: Dispatcher, limits: DownloadLimits): Dispatcher {
  const { idleMs, signal, what } = limits;
  return base.compose(
    (dispatch) => (opts, handler) =>
      dispatch(
        idleMs === undefined ? opts : { ...opts, headersTimeout: idleMs, bodyTimeout: idleMs },
        signal ? stoppable(handler, signal, what) : handler,
      ),
  );
}

/** Forwards every event; the signal aborts the request from the moment it is started on a connection. */
function stoppable(handler: Dispatcher.DispatchHandler, signal: AbortSignal, what: string): Dispatcher.DispatchHandler {
  let controller: Dispatcher.DispatchController | undefined;
  const stop = (): void => controller?.abort(new UpstreamError('internal', `${what}: stopped`));
  const release = (): void => signal.removeEventListener('abort', stop);
  return {
    onRequestStart(c, context) {
      controller = c;
      handler.onRequestStart?.(c, context);
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    },
    onRequestUpgrade: (c, status, headers, socket) => handler.onRequestUpgrade?.(c, status, headers, socket),
    onResponseStart: (c, status, headers, message) => handler.onResponseStart?.(c, status, headers, message),
    onResponseData: (c, chunk) => handler.onResponseData?.(c, chunk),
    onResponseEnd(c, trailers) {
      release();
      handler.onResponseEnd?.(c, trailers);
    },
    onResponseError(c, err) {
      release();
      handler.onResponseError?.(c, err);
    },
  };
}

/** Waits `ms`, or less when the signal aborts first. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done, { once: true });
  });
}
