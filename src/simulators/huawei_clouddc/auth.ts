// Server side of the simulator's authentication: IAM-issued and static tokens, and AK/SK signatures checked
// by recomputing them from the request as received (written apart from the exporter's signer on purpose).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SimRequest } from '../common';

export interface AkSk {
  accessKey: string;
  secretKey: string;
}

export type AuthResult = { ok: true; via: 'token' | 'aksk' } | { ok: false; code: string; msg: string };

const hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** RFC 3986 unreserved characters stay, everything else is %XX of its UTF-8 bytes. */
function escape(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parses `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`. */
function parseAuthorization(h: string): { access: string; signed: string[]; signature: string } | undefined {
  const m = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/i.exec(h.trim());
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) return undefined;
  return { access: m[1], signed: m[2].split(';'), signature: m[3] };
}

/** `20250110T080000Z` → ms. */
function parseSdkDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

export function verifySignature(req: SimRequest, keys: AkSk, now: number): AuthResult {
  const auth = parseAuthorization(String(req.headers.authorization ?? ''));
  if (!auth)
    return {
      ok: false,
      code: 'APIGW.0301',
      msg: 'Incorrect IAM authentication information: Authorization header malformed',
    };
  if (auth.access !== keys.accessKey)
    return { ok: false, code: 'APIGW.0301', msg: 'Incorrect IAM authentication information: unknown access key' };
  const date = String(req.headers['x-sdk-date'] ?? '');
  const at = parseSdkDate(date);
  if (at === undefined || Math.abs(now - at) > 15 * 60_000) {
    return {
      ok: false,
      code: 'APIGW.0301',
      msg: 'Incorrect IAM authentication information: X-Sdk-Date expired or invalid',
    };
  }
  if (!auth.signed.includes('host') || !auth.signed.includes('x-sdk-date')) {
    return {
      ok: false,
      code: 'APIGW.0301',
      msg: 'Incorrect IAM authentication information: host and x-sdk-date must be signed',
    };
  }
  const uri = req.path
    .split('/')
    .map((seg) => escape(decode(seg)))
    .join('/');
  const keysSorted = [...new Set(req.query.keys())].sort();
  const query = keysSorted
    .flatMap((k) =>
      req.query
        .getAll(k)
        .sort()
        .map((v) => `${escape(k)}=${escape(v)}`),
    )
    .join('&');
  const headerBlock = auth.signed.map((n) => `${n}:${String(req.headers[n] ?? '').trim()}\n`).join('');
  const canonical = [
    req.method,
    uri.endsWith('/') ? uri : `${uri}/`,
    query,
    headerBlock,
    auth.signed.join(';'),
    hex(req.body),
  ].join('\n');
  const expected = createHmac('sha256', keys.secretKey)
    .update(`SDK-HMAC-SHA256\n${date}\n${hex(canonical)}`)
    .digest();
  const given = Buffer.from(auth.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      ok: false,
      code: 'APIGW.0301',
      msg: 'Incorrect IAM authentication information: verify aksk signature fail',
    };
  }
  return { ok: true, via: 'aksk' };
}
