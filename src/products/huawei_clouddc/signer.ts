// Huawei Cloud AK/SK request signing (SDK-HMAC-SHA256), as done by the official SDKs' signers:
//   CanonicalRequest = METHOD \n URI (trailing /) \n sorted query \n "name:value\n"... \n signed names \n sha256(body)
//   StringToSign     = SDK-HMAC-SHA256 \n X-Sdk-Date \n sha256(CanonicalRequest)
//   Signature        = hex(HMAC-SHA256(SK, StringToSign))
import { createHash, createHmac } from 'node:crypto';

export const ALGORITHM = 'SDK-HMAC-SHA256';

export interface SignInput {
  method: string;
  /** Absolute URL as sent (path and query are taken from it). */
  url: string;
  /** Headers to sign (any case); `host` is added from the URL when missing. */
  headers: Record<string, string>;
  /** Body exactly as sent ('' for none). */
  body: string;
  accessKey: string;
  secretKey: string;
  /** `X-Sdk-Date` value, `YYYYMMDDTHHMMSSZ`. */
  date: string;
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function sdkDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The SDKs' escaping: everything but A-Z a-z 0-9 - _ . ~ as %XX of the UTF-8 bytes. */
export function sdkEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Path segments decoded then escaped the SDK way, with a trailing `/`. */
export function canonicalUri(pathname: string): string {
  const uri = pathname
    .split('/')
    .map((seg) => sdkEscape(safeDecode(seg)))
    .join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Keys sorted; repeated keys' values sorted; both escaped. */
export function canonicalQuery(params: URLSearchParams): string {
  const keys = [...new Set(params.keys())].sort();
  const parts: string[] = [];
  for (const key of keys) {
    for (const value of params.getAll(key).sort()) parts.push(`${sdkEscape(key)}=${sdkEscape(value)}`);
  }
  return parts.join('&');
}

export function sha256Hex(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Signs a request; returns the headers to add (`X-Sdk-Date` and `Authorization`) and, for tests, the pieces. */
export function sign(input: SignInput): {
  headers: Record<string, string>;
  signedHeaders: string;
  canonicalRequest: string;
} {
  const url = new URL(input.url);
  const all: Record<string, string> = { host: url.host };
  for (const [k, v] of Object.entries(input.headers)) all[k.toLowerCase()] = v;
  all['x-sdk-date'] = input.date;
  const names = Object.keys(all).sort();
  const signedHeaders = names.join(';');
  const canonicalHeaders = names.map((n) => `${n}:${(all[n] ?? '').trim()}\n`).join('');
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    canonicalHeaders,
    signedHeaders,
    sha256Hex(input.body),
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${input.date}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', input.secretKey).update(stringToSign).digest('hex');
  return {
    headers: {
      'X-Sdk-Date': input.date,
      Authorization: `${ALGORITHM} Access=${input.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    },
    signedHeaders,
    canonicalRequest,
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
