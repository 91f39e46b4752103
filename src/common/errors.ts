// Typed errors: every failure that reaches a log line, /probe?debug=true or `backup_target_up 0` carries one
// of these kinds, so a user can tell a wrong password from a slow server from a broken response.

export type ErrorKind = 'timeout' | 'unreachable' | 'tls' | 'auth' | 'http' | 'decode' | 'config' | 'internal';

export interface ErrorDetails {
  status?: number;
  method?: string;
  path?: string;
  cause?: unknown;
  /** The vendor rejected the credentials at a login (token endpoint, IAM, or a call that carries them). */
  login?: boolean;
}

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

/** A response that does not have the shape the vendor documents. */
export function decodeError(message: string, path?: string): UpstreamError {
  return new UpstreamError('decode', message, path === undefined ? {} : { path });
}

/** An `auth` error that is not about the credentials themselves (a 403 on one endpoint, say). */
export function authError(message: string, status?: number): UpstreamError {
  return new UpstreamError('auth', message, status === undefined ? {} : { status });
}

/** The vendor rejected the credentials: the target is down and logins wait (contract section 2). */
export function loginRejected(message: string, status?: number): UpstreamError {
  return new UpstreamError('auth', message, { ...(status === undefined ? {} : { status }), login: true });
}

export function isLoginRejection(err: unknown): err is UpstreamError {
  return err instanceof UpstreamError && err.kind === 'auth' && err.details.login === true;
}

/** Any thrown value as an UpstreamError, keeping the kind when it already is one. */
export function asUpstreamError(err: unknown): UpstreamError {
  if (err instanceof UpstreamError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new UpstreamError('internal', message, { cause: err });
}

/** One line for logs and debug output: `kind: message`. */
export function describeError(err: unknown): string {
  const e = asUpstreamError(err);
  return `${e.kind}: ${e.message}`;
}

/** True for an HTTP 404 answer, the vendor's "no such thing" (contract section 2 says what it means where). */
export function isNotFound(err: unknown): boolean {
  return err instanceof UpstreamError && err.details.status === 404;
}
