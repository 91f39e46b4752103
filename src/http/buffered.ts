// One attempt whose body is held in memory, sent through the dispatcher with a handler of our own: the chunks
// go straight into a list (no stream, no async iterator, no promise per chunk), the size cap is checked as
// they arrive, and the body of an unwanted status is read only as far as the excerpt of its error needs.
import type { Dispatcher } from 'undici';
import { UpstreamError } from '../common/errors';
import { describeRequest, stripQuery } from './errors';
import type { Attempt, Exchanged, Prepared, TargetShared } from './exchange';
import type { DeadlineWatch, Expirable } from './deadline';

export interface BufferLimits {
  /** Whether the body of this status is wanted (read up to `maxBytes`) or only quoted in an error. */
  wanted(status: number): boolean;
  maxBytes: number;
  /** How much of an unwanted body is read. */
  excerptBytes: number;
}

type Controller = Dispatcher.DispatchController;

interface Outcome {
  resolve: (value: Exchanged<Buffer>) => void;
  reject: (err: unknown) => void;
}

/** Sends `req` and collects its body; rejects with the transport's error, a cap error or the deadline. */
export function sendBuffered(
  shared: TargetShared,
  req: Prepared,
  watch: DeadlineWatch,
  attempt: Attempt,
  limits: BufferLimits,
): Promise<Exchanged<Buffer>> {
  return new Promise((resolve, reject) => {
    const handler = new BufferingHandler(req, attempt, limits, watch, { resolve, reject });
    watch.add(handler);
    if (attempt.timedOut) return;
    shared.dispatcher.dispatch(
      { origin: req.origin, path: req.pathAndQuery, method: req.method, headers: req.headers, body: req.body ?? null },
      handler,
    );
  });
}

class BufferingHandler implements Dispatcher.DispatchHandler, Expirable {
  private controller?: Controller;
  private reason?: Error;
  private settled = false;
  private status = 0;
  private headers: Record<string, string | undefined> = {};
  private wanted = false;
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly req: Prepared,
    private readonly attempt: Attempt,
    private readonly limits: BufferLimits,
    private readonly watch: DeadlineWatch,
    /** Dropped once settled: undici may hold the handler a while longer, and with it the promise and its body. */
    private outcome?: Outcome,
  ) {}

  /** The deadline passed: the caller hears of it now, the request is stopped as soon as undici lets us. */
  expire(reason: Error): void {
    this.attempt.timedOut = true;
    this.reason = reason;
    this.controller?.abort(reason);
    this.fail(reason);
  }

  onRequestStart(controller: Controller): void {
    this.controller = controller;
    if (this.reason) controller.abort(this.reason);
  }

  onResponseStart(controller: Controller, status: number, headers: Record<string, string | string[]>): void {
    if (status < 200) return;
    this.status = status;
    this.attempt.status = status;
    this.headers = flatten(headers);
    this.wanted = this.limits.wanted(status);
    const declared = declaredLength(this.headers);
    if (this.wanted && declared !== undefined && declared > this.limits.maxBytes) {
      this.tooLarge(controller, ` of ${declared} bytes`);
    }
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    if (this.settled) return;
    if (this.wanted && this.size + chunk.length > this.limits.maxBytes) {
      this.tooLarge(controller, '');
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    // Of an unwanted body only the excerpt's part is read; the rest is not, and the connection is dropped.
    if (!this.wanted && this.size >= this.limits.excerptBytes) this.finish(controller);
  }

  onResponseEnd(): void {
    this.finish();
  }

  onResponseError(_controller: Controller, err: Error): void {
    this.fail(this.reason ?? err);
  }

  private finish(abort?: Controller): void {
    if (this.settled) return;
    const body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    const resolve = this.outcome?.resolve;
    this.settle();
    abort?.abort(new Error('the rest of the body is not read'));
    const value: Exchanged<Buffer> = { status: this.status, headers: this.headers, value: body };
    // undici frees the connection one turn of the event loop after the response (setImmediate, queued once this
    // call returns); a caller that sent its next request before that would open a second connection.
    // (process.nextTick with arguments: no closure per response.)
    if (resolve) process.nextTick(setImmediate, resolve, value);
  }

  private tooLarge(controller: Controller, what: string): void {
    const where = describeRequest(this.req.method, this.req.path);
    const err = new UpstreamError('decode', `${where}: response body${what} exceeds ${this.limits.maxBytes} bytes`, {
      method: this.req.method,
      path: stripQuery(this.req.path),
    });
    this.fail(err);
    controller.abort(err);
  }

  private fail(err: unknown): void {
    if (this.settled) return;
    const reject = this.outcome?.reject;
    this.settle();
    reject?.(err);
  }

  private settle(): void {
    this.settled = true;
    this.chunks.length = 0;
    this.outcome = undefined;
    this.watch.delete(this);
  }
}

/** The body's size as announced by Content-Length, when it is a plain number. */
export function declaredLength(headers: Record<string, string | undefined>): number | undefined {
  const value = headers['content-length'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Header values as one lower-cased record (repeated headers joined with `, `). */
export function flatten(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const name in raw) {
    const value = raw[name];
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
