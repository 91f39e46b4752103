// Server side of the simulator's authentication: the IAM password login, IAM-issued and static tokens, and
// AK/SK signatures checked by recomputing them from the request as received (written apart from the
// exporter's signer on purpose).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isObject } from '../../common/decode';
import type { SimReply, SimRequest } from '../common';
import { DOMAIN_ID } from './data';
import { json, vendorError, type World } from './world';

export interface AkSk {
  accessKey: string;
  secretKey: string;
}

export type AuthResult = { ok: true; via: 'token' | 'aksk' } | { ok: false; code: string; msg: string };

/** POST /v3/auth/tokens: a project-scoped token in X-Subject-Token, 201. */
export function iamLogin(w: World, req: SimRequest): SimReply {
  const body = parseBody(req);
  const user = path(body, ['auth', 'identity', 'password', 'user']);
  const project = path(body, ['auth', 'scope', 'project', 'id']);
  const domain = path(user, ['domain', 'name']);
  if (
    path(user, ['name']) !== w.iam.username ||
    path(user, ['password']) !== w.iam.password ||
    domain !== w.iam.domain
  ) {
    return json(w.iamRejection.status, w.iamRejection.body);
  }
  if (project !== w.projectId) {
    return json(400, { error: { code: 400, message: 'project scope invalid', title: 'Bad Request' } });
  }
  w.counters.logins++;
  const token = `MII${randomBytes(48).toString('base64url')}`;
  const expiresAt = w.now() + w.tokenLifetimeMs;
  w.issued.set(token, { project: w.projectId, expiresAt });
  const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '000Z');
  const account = { id: DOMAIN_ID, name: w.iam.domain };
  const scope = { id: w.projectId, name: 'ap-southeast-3', domain: account };
  const iamUser = { id: 'c3a1d0b2e4f64a7b9d8e0f1a2b3c4d5e', name: w.iam.username, domain: account };
  const issuedToken = {
    expires_at: iso(expiresAt),
    issued_at: iso(w.now()),
    methods: ['password'],
    project: scope,
    roles: [{ id: '0', name: 'readonly' }],
    user: iamUser,
  };
  return json(201, { token: issuedToken }, { 'X-Subject-Token': token });
}

/** Undefined when the request carries valid credentials, else the gateway's 401. */
export function authorise(w: World, req: SimRequest): SimReply | undefined {
  const token = req.headers['x-auth-token'];
  let rejected: SimReply;
  if (typeof token === 'string') {
    const t = w.issued.get(token);
    if (w.staticTokens.has(token) || (t && t.project === w.projectId && t.expiresAt > w.now())) return undefined;
    rejected = vendorError(401, 'APIGW.0307', 'The token must be updated.');
  } else if (req.headers.authorization) {
    const r = verifySignature(req, w.aksk, w.now());
    if (r.ok) return undefined;
    rejected = vendorError(401, r.code, r.msg);
  } else {
    rejected = vendorError(401, 'APIGW.0301', 'Incorrect IAM authentication information: no credentials');
  }
  w.counters.rejected++;
  return rejected;
}

function parseBody(req: SimRequest): unknown {
  try {
    return req.json<unknown>();
  } catch {
    return undefined;
  }
}

/** A nested field of loosely typed JSON, or undefined. */
function path(v: unknown, keys: string[]): unknown {
  let at = v;
  for (const k of keys) at = isObject(at) ? at[k] : undefined;
  return at;
}

const hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** RFC 3986 unreserved characters stay, everything else is %XX of its UTF-8 bytes. */
function percentEncode(s: string): string {
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

const rejected = (why: string): AuthResult => ({
  ok: false,
  code: 'APIGW.0301',
  msg: `Incorrect IAM authentication information: ${why}`,
});

export function verifySignature(req: SimRequest, keys: AkSk, now: number): AuthResult {
  const auth = parseAuthorization(String(req.headers.authorization ?? ''));
  if (!auth) return rejected('Authorization header malformed');
  if (auth.access !== keys.accessKey) return rejected('unknown access key');
  const date = String(req.headers['x-sdk-date'] ?? '');
  const at = parseSdkDate(date);
  if (at === undefined || Math.abs(now - at) > 15 * 60_000) return rejected('X-Sdk-Date expired or invalid');
  if (!auth.signed.includes('host') || !auth.signed.includes('x-sdk-date')) {
    return rejected('host and x-sdk-date must be signed');
  }
  const expected = createHmac('sha256', keys.secretKey)
    .update(`SDK-HMAC-SHA256\n${date}\n${hex(canonicalRequest(req, auth.signed))}`)
    .digest();
  const given = Buffer.from(auth.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return rejected('verify aksk signature fail');
  }
  return { ok: true, via: 'aksk' };
}

function canonicalRequest(req: SimRequest, signed: string[]): string {
  const uri = req.path
    .split('/')
    .map((seg) => percentEncode(decode(seg)))
    .join('/');
  const query = [...new Set(req.query.keys())]
    .sort()
    .flatMap((k) =>
      req.query
        .getAll(k)
        .sort()
        .map((v) => `${percentEncode(k)}=${percentEncode(v)}`),
    )
    .join('&');
  const headerBlock = signed.map((n) => `${n}:${String(req.headers[n] ?? '').trim()}\n`).join('');
  return [req.method, uri.endsWith('/') ? uri : `${uri}/`, query, headerBlock, signed.join(';'), hex(req.body)].join(
    '\n',
  );
}
