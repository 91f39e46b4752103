// The HTTP contract products use. One client per target (connection pool, TLS, concurrency limit); a
// per-collection view binds it to the collection's deadline and records each request for /probe?debug=true.

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the target URL (starting with `/`), or an absolute URL (an identity service elsewhere: same TLS settings). */
  path: string;
  query?: Query;
  headers?: Record<string, string>;
  /** application/x-www-form-urlencoded body. */
  form?: Record<string, string>;
  /** JSON body. */
  json?: unknown;
  /** Statuses returned to the caller instead of thrown (default: only 2xx are returned). */
  accept?: readonly number[];
  /** Retry 429 and 503 (honouring Retry-After) while the deadline allows. Default true. */
  retry?: boolean;
  /**
   * What the request is about when neither path nor query says it (a POST body's user and day, say): shown
   * beside the path in /probe?debug=true and debug logs. Never a secret.
   */
  note?: string;
}

export interface DownloadOptions {
  /** Aborts the download at once (kind `internal`, "stopped"): its owner is stopping. */
  signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-cased header names. */
  readonly headers: Record<string, string | undefined>;
  readonly body: Buffer;
  text(): string;
  /** Parses the body as JSON; throws UpstreamError('decode') naming the path when it is not JSON. */
  json<T = unknown>(): T;
}

/** One line of /probe?debug=true: no secret-bearing value (query values and bodies are never recorded). */
export interface RequestTrace {
  method: string;
  path: string;
  /** HTTP status, or the error kind when no response came. */
  outcome: number | string;
  durationMs: number;
}

export interface HttpClient {
  /** On a collection's client: the password grants made during that collection (contract section 2 bounds them). */
  readonly loginBudget?: { used: number };
  /**
   * Sends one request. Non-accepted statuses throw UpstreamError: 401/403 as kind `auth` (with `status`),
   * others as kind `http`; no response before the deadline as `timeout`; DNS, refused and reset as
   * `unreachable`; certificate problems as `tls`; a body over the size cap as `decode`.
   */
  request(opts: RequestOptions): Promise<HttpResponse>;
  /**
   * Streams a body to `file` (no size cap), returning its size and sha256 (hex). On a background client there is
   * no overall deadline, only an idle one (its timeout for the response and between two chunks of the body,
   * kind `timeout`): a large archive on a slow link goes on while bytes arrive, one that stalls is cut.
   */
  download(opts: RequestOptions, file: string, options?: DownloadOptions): Promise<{ bytes: number; sha256: string }>;
}

/** Receives one call per request sent to the vendor: the engine turns these into its upstream metrics. */
export interface RequestObserver {
  /** `code`: the 3-digit HTTP status of any response, `timeout` when none came before the deadline, else `error`. */
  request(code: string, seconds: number): void;
}
