// Typed errors: every failure that reaches a log line, /probe?debug=true or `backup_target_up 0` carries one
// of these kinds, so a user can tell a wrong password from a slow server from a broken response.

export type ErrorKind = 'timeout' | 'unreachable' | 'tls' | 'auth' | 'http' | 'decode' | 'config' | 'internal';

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: { status?: number; method?: string; path?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

/** A response that does not have the shape the vendor documents. */
export function decodeError(message: string, path?: string): UpstreamError {
  return new UpstreamError('decode', message, path === undefined ? {} : { path });
}

export function authError(message: string, status?: number): UpstreamError {
  return new UpstreamError('auth', message, status === undefined ? {} : { status });
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
