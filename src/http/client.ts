// The HTTP client of one target: one connection pool and concurrency limit shared by every collection, with
// views bound to a collection's deadline (and its debug trace) or to a rolling timeout for background work.

import type { Logger } from 'pino';
import type { SecretRedactor } from '../common/secrets';
import type { TargetConfig } from '../config/types';
import type { DownloadOptions, HttpClient, HttpResponse, RequestObserver, RequestOptions, RequestTrace } from './types';
import { createResponse, readPrefix, streamToFile } from './body';
import { sendBuffered, type BufferLimits } from './buffered';
import { DeadlineWatch } from './deadline';
import { createDispatcher } from './dispatcher';
import { downloadDispatcher, pause } from './download';
import { describeRequest, statusError, tracePath } from './errors';
import { exchange, streamed, type BodyReader, type Prepared, type Sender, type TargetShared } from './exchange';
import { MAX_ATTEMPTS, isRetryableStatus, retryDelayMs, sleep } from './retry';
import { Semaphore } from './semaphore';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
const DEFAULT_BACKGROUND_TIMEOUT_MS = 60_000;
/** Of a body that is not used (an unwanted status), only this much is read, for the excerpt in the message. */
const ERROR_BODY_BYTES = 64 * 1024;
const USER_AGENT = 'backup-exporter';

export interface TargetHttp {
  /** A client whose requests never outlive `deadline` (epoch ms); each attempt is appended to `trace`. */
  forCollection(deadline: number, trace?: RequestTrace[]): HttpClient;
  /** A client for work outside scrapes: each request gets `timeoutMs` from its start (a download, of silence). */
  background(timeoutMs?: number): HttpClient;
  /** Closes the pool once in-flight requests end. */
  close(): Promise<void>;
  /** Closes the pool now, failing requests and downloads in flight (the exporter is stopping). */
  destroy(): Promise<void>;
}

export interface TargetHttpDeps {
  log: Logger;
  /** Told about every request sent (upstream metrics). */
  observer?: RequestObserver;
  /** Cap on a response body held in memory (download() has none). Default 64 MiB. */
  maxBodyBytes?: number;
  /** Hides configured secrets in the excerpts of response bodies that error messages quote. */
  redactor?: SecretRedactor;
}

export function createTargetHttp(target: TargetConfig, deps: TargetHttpDeps): TargetHttp {
  const shared: TargetShared = {
    target,
    dispatcher: createDispatcher(target.tls, target.concurrency),
    slots: new Semaphore(Math.max(1, target.concurrency)),
    log: deps.log,
    observer: deps.observer,
    maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    ...(deps.redactor ? { redactor: deps.redactor } : {}),
  };
  let closing: Promise<void> | undefined;
  return {
    forCollection: (deadline, trace) => new TargetClient(shared, () => deadline, trace, { used: 0 }),
    background: (timeoutMs = DEFAULT_BACKGROUND_TIMEOUT_MS) =>
      new TargetClient(shared, () => Date.now() + timeoutMs, undefined, undefined, timeoutMs),
    close: () => (closing ??= shared.dispatcher.close()),
    destroy: () => (closing = shared.dispatcher.destroy()),
  };
}

/** The sender of one attempt under `deadline`; `final` when no retry follows it. */
type SenderFor<T> = (deadline: number, final: boolean) => Sender<T>;

class TargetClient implements HttpClient {
  private watch?: DeadlineWatch;

  constructor(
    private readonly shared: TargetShared,
    private readonly deadline: () => number,
    private readonly trace?: RequestTrace[],
    readonly loginBudget?: { used: number },
    /** Background clients: a download's idle timeout instead of a deadline. */
    private readonly idleMs?: number,
  ) {}

  async request(opts: RequestOptions): Promise<HttpResponse> {
    const req = prepare(this.shared.target.url, opts);
    const { maxBodyBytes, redactor } = this.shared;
    // The body of an unwanted status is read only for the excerpt of the error.
    const limits: BufferLimits = {
      wanted: (status) => isAccepted(status, opts.accept),
      maxBytes: maxBodyBytes,
      excerptBytes: ERROR_BODY_BYTES,
    };
    const res = await this.send(req, opts, (deadline) => {
      const watch = this.watchFor(deadline);
      return (attempt) => sendBuffered(this.shared, req, watch, attempt, limits);
    });
    if (!isAccepted(res.status, opts.accept)) throw statusError(res.status, req.method, req.path, res.value, redactor);
    return createResponse(res.status, res.headers, res.value, { method: req.method, path: req.path, redactor });
  }

  /** One watch (one timer) for every request of a collection; background requests each have their own deadline. */
  private watchFor(deadline: number): DeadlineWatch {
    if (this.watch?.deadline !== deadline) this.watch = new DeadlineWatch(deadline);
    return this.watch;
  }

  async download(
    opts: RequestOptions,
    file: string,
    options: DownloadOptions = {},
  ): Promise<{ bytes: number; sha256: string }> {
    const req = prepare(this.shared.target.url, opts);
    // Only a final, accepted response goes to the file; anything else is read (capped) for the error message.
    const reader =
      (final: boolean): BodyReader<Buffer | { bytes: number; sha256: string }> =>
      (body, status) =>
        (final || !isRetryableStatus(status)) && isAccepted(status, opts.accept)
          ? streamToFile(body, file)
          : readPrefix(body, ERROR_BODY_BYTES);
    const view = this.downloadView(req, options.signal);
    const res = await this.send(
      req,
      opts,
      (deadline, final) => streamed(view?.shared ?? this.shared, req, deadline, reader(final)),
      view,
    );
    if (Buffer.isBuffer(res.value)) {
      throw statusError(res.status, req.method, req.path, res.value, this.shared.redactor);
    }
    return res.value;
  }

  /** A background download has no overall deadline, only an idle one; a signal stops any download at once. */
  private downloadView(req: Prepared, signal: AbortSignal | undefined): View | undefined {
    const idleMs = this.idleMs;
    if (idleMs === undefined && !signal) return undefined;
    const what = describeRequest(req.method, req.path);
    const dispatcher = downloadDispatcher(this.shared.dispatcher, { idleMs, signal, what });
    const deadline = idleMs === undefined ? this.deadline() : Number.POSITIVE_INFINITY;
    return { shared: { ...this.shared, dispatcher }, deadline, idleMs, signal };
  }

  /** Attempts until a response that is not retried: 429/503 wait (Retry-After) while the deadline allows. */
  private async send<T>(req: Prepared, opts: RequestOptions, sender: SenderFor<T>, view?: View) {
    const shared = view?.shared ?? this.shared;
    const deadline = view?.deadline ?? this.deadline();
    const retry = opts.retry !== false;
    for (let attempt = 1; ; attempt++) {
      const mayRetry = retry && attempt < MAX_ATTEMPTS;
      const res = await exchange(shared, req, deadline, this.trace, sender(deadline, !mayRetry));
      if (mayRetry && isRetryableStatus(res.status)) {
        const wait = retryDelayMs(res.headers['retry-after'], attempt);
        // Without a deadline, a wait longer than the idle timeout is not waited either.
        const limit = view?.idleMs !== undefined ? Date.now() + view.idleMs : deadline;
        if (Date.now() + wait < limit) {
          this.shared.log.debug({ path: req.tracePath, status: res.status, waitMs: wait }, 'upstream asked to retry');
          await (view ? pause(wait, view.signal) : sleep(wait));
          continue;
        }
      }
      return res;
    }
  }
}

/** How one download is sent: a dispatcher with its limits, and the deadline that replaces the client's. */
interface View {
  shared: TargetShared;
  deadline: number;
  idleMs?: number;
  signal?: AbortSignal;
}

function isAccepted(status: number, accept: readonly number[] | undefined): boolean {
  return (status >= 200 && status < 300) || (accept?.includes(status) ?? false);
}

/** Resolves the URL (relative to the target, or absolute) and encodes the body. */
export function prepare(base: string, opts: RequestOptions): Prepared {
  const absolute = /^https?:\/\//i.test(opts.path);
  const url = new URL(absolute ? opts.path : base + opts.path);
  for (const [key, value] of Object.entries(opts.query ?? {})) {
    if (value !== undefined) url.searchParams.append(key, String(value));
  }
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
  let body: string | undefined;
  if (opts.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  } else if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  for (const [name, value] of Object.entries(opts.headers ?? {})) headers[name.toLowerCase()] = value;
  return {
    method: opts.method ?? 'GET',
    path: opts.path,
    url: url.toString(),
    origin: url.origin,
    pathAndQuery: url.pathname + url.search,
    tracePath: opts.note ? `${tracePath(opts.path, opts.query)} [${opts.note}]` : tracePath(opts.path, opts.query),
    headers,
    body,
  };
}
