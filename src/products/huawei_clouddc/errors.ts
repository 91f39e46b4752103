// Huawei error bodies, read the way the official SDKs read them: `{error_code, error_msg}`, else `{code, message}`,
// else a nested `{error: {code, message}}` (IAM); plus the X-Request-Id header that support asks for.
import { UpstreamError } from '../../common/errors';
import type { HttpResponse } from '../../http/types';

export interface VendorError {
  code?: string;
  message?: string;
  requestId?: string;
}

export function readVendorError(res: HttpResponse): VendorError {
  const out: VendorError = {};
  const requestId = res.headers['x-request-id'];
  if (requestId) out.requestId = requestId;
  let body: unknown;
  try {
    body = JSON.parse(res.text());
  } catch {
    body = undefined;
  }
  const pick = (o: unknown, code: string, msg: string): boolean => {
    if (typeof o !== 'object' || o === null) return false;
    const r = o as Record<string, unknown>;
    if (typeof r[code] !== 'string' && typeof r[msg] !== 'string') return false;
    if (typeof r[code] === 'string') out.code = r[code];
    if (typeof r[msg] === 'string') out.message = r[msg];
    return true;
  };
  if (
    !pick(body, 'error_code', 'error_msg') &&
    !pick(body, 'code', 'message') &&
    typeof body === 'object' &&
    body !== null
  ) {
    pick((body as Record<string, unknown>).error, 'code', 'message');
  }
  if (out.code === undefined && out.message === undefined) {
    const text = res.text().replace(/\s+/g, ' ').trim().slice(0, 200);
    if (text) out.message = text;
  }
  return out;
}

/** `code: message (request id …)`, for logs and error messages. */
export function formatVendorError(e: VendorError): string {
  const main = [e.code, e.message].filter((x) => x !== undefined).join(': ');
  return `${main || 'no error body'}${e.requestId ? ` (X-Request-Id ${e.requestId})` : ''}`;
}

/** An unwanted status as an UpstreamError: 401/403 are `auth`, others `http`; `hint` explains a 401 further. */
export function statusError(res: HttpResponse, method: string, path: string, hint?: string): UpstreamError {
  const detail = formatVendorError(readVendorError(res));
  const message = `${method} ${path}: HTTP ${res.status}: ${detail}${hint ? `; ${hint}` : ''}`;
  const kind = res.status === 401 || res.status === 403 ? 'auth' : 'http';
  return new UpstreamError(kind, message, { status: res.status, method, path });
}
