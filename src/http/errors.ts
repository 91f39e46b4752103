// Turns what undici and Node throw, and unwanted HTTP statuses, into UpstreamErrors. Messages name the method
// and the path only: query values and bodies may carry secrets (passwords in request bodies, tokens).

import { UpstreamError, type ErrorKind } from '../common/errors';
import type { SecretRedactor } from '../common/secrets';

/** Longest excerpt of a response body quoted in an error message. */
export const EXCERPT_CHARS = 200;
/** Bytes read past the excerpt's end, so that a secret reaching past it is still seen whole and hidden. */
const EXCERPT_HEADROOM = 4096;

const UNREACHABLE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_DESTROYED',
]);

/** The certificate may be fine but is not signed by a CA we know: the usual self-signed appliance. */
const UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

const TLS_CODES = new Set([
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'HOSTNAME_MISMATCH',
  'EPROTO',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
]);

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** `METHOD /path` for messages: an absolute URL keeps its origin (IAM lives elsewhere), never its query. */
export function describeRequest(method: string, path: string): string {
  return `${method} ${stripQuery(path)}`;
}

export function stripQuery(path: string): string {
  const i = path.search(/[?#]/);
  return i < 0 ? path : path.slice(0, i);
}

/** Path for the debug trace: query keys stay (they tell pages apart), their values become `…`. */
export function tracePath(path: string, query: Record<string, unknown> | undefined): string {
  const keys = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k]) => `${k}=…`);
  return keys.length === 0 ? stripQuery(path) : `${stripQuery(path)}?${keys.join('&')}`;
}

/** Kind for a low-level failure, by walking the cause chain for a known error code. */
export function classifyNetworkError(err: unknown): { kind: ErrorKind; reason: string } {
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 6; depth++) {
    const code = (e as { code?: unknown }).code;
    const reason = typeof code === 'string' ? `${code}: ${messageOf(e)}` : messageOf(e);
    if (typeof code === 'string') {
      if (UNTRUSTED_CODES.has(code)) return { kind: 'tls', reason: `${reason} (trust its CA with tls.ca_file)` };
      if (TLS_CODES.has(code) || /^ERR_SSL_|^ERR_TLS_|CERT/.test(code)) return { kind: 'tls', reason };
      if (TIMEOUT_CODES.has(code)) return { kind: 'timeout', reason };
      if (code === 'UND_ERR_INVALID_ARG') return { kind: 'internal', reason };
      if (UNREACHABLE_CODES.has(code)) return { kind: 'unreachable', reason };
    }
    if (/other side closed|socket hang up|socket closed/i.test(messageOf(e))) return { kind: 'unreachable', reason };
    if (/^Proxy response/i.test(messageOf(e))) return { kind: 'unreachable', reason };
    e = (e as { cause?: unknown }).cause;
  }
  return { kind: 'unreachable', reason: messageOf(err) };
}

export function networkError(err: unknown, method: string, path: string): UpstreamError {
  if (err instanceof UpstreamError) return err;
  const { kind, reason } = classifyNetworkError(err);
  return new UpstreamError(kind, `${describeRequest(method, path)}: ${reason}`, {
    method,
    path: stripQuery(path),
    cause: err,
  });
}

export function timeoutError(method: string, path: string, what: string): UpstreamError {
  return new UpstreamError('timeout', `${describeRequest(method, path)}: ${what}`, { method, path: stripQuery(path) });
}

/** 401/403 are `auth` (a wrong password or missing role), any other unwanted status is `http`. */
export function statusError(
  status: number,
  method: string,
  path: string,
  body: Buffer,
  redactor?: SecretRedactor,
): UpstreamError {
  const where = describeRequest(method, path);
  const details = { status, method, path: stripQuery(path) };
  const quoted = excerptSuffix(body, redactor);
  if (status === 401 || status === 403) {
    const what = status === 401 ? 'authentication failed' : 'permission denied';
    return new UpstreamError('auth', `${where}: HTTP ${status} (${what})${quoted}`, details);
  }
  return new UpstreamError('http', `${where}: HTTP ${status}${quoted}`, details);
}

/**
 * The first characters of a body on one line, for messages. Secrets are hidden before anything is cut: the
 * text read is longer than the excerpt by more than any secret, and when even that is only the start of the
 * body, a secret's beginning at its end is hidden too.
 */
export function excerpt(body: Buffer, max = EXCERPT_CHARS, redactor?: SecretRedactor): string {
  const head = body.subarray(0, max * 4 + Math.max(EXCERPT_HEADROOM, (redactor?.longest ?? 0) * 4));
  const raw = head.toString('utf8');
  const hide = (text: string, cut: boolean): string =>
    redactor ? (cut ? redactor.redactCut(text) : redactor.redact(text)) : text;
  const cutShort = head.length < body.length;
  // Hidden again after whitespace is folded: `a  b` in a body may fold into a secret `a b`.
  const text = hide(hide(raw, cutShort).replace(/\s+/g, ' ').trim(), cutShort);
  if (text.length <= max) return cutShort && text !== '' ? `${text}…` : text;
  return `${hide(text.slice(0, max), true)}…`;
}

function excerptSuffix(body: Buffer, redactor?: SecretRedactor): string {
  const text = excerpt(body, EXCERPT_CHARS, redactor);
  return text === '' ? '' : `: ${text}`;
}

function messageOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/^Error: /, '');
}
