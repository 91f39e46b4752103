// The AhsayCBS JSON transport: every call is a POST to /obs/api/json/<Name>.do whose body carries the system
// user's credentials (SysUser/SysPwd) next to the call's parameters. There are no tokens or sessions.
// Failures come back as HTTP 200 with {"Status":"Error","Message":…}; this file turns them into typed errors.
// Request bodies are never logged or put into error messages: they contain the password.
import { UpstreamError, authError, decodeError } from '../../common/errors';
import type { HttpClient } from '../../http/types';
import type { PasswordAuth } from '../../config/types';

export type Json = Record<string, unknown>;

/** The call's answer, or `missing` when the server does not know the endpoint (HTTP 404). */
export type CallResult = { kind: 'ok'; body: Json } | { kind: 'missing' } | { kind: 'no-job' };

/** ListBackupJobStatus answers a day without jobs with this error; it is an empty list, not a failure. */
const NO_JOB = /no backup job/i;
/** Wrong credentials, an expired password (8.3.4+ password policies) or a role without API access. */
const AUTH = /incorrect system|system user|username|password|unauthori[sz]ed|access denied|permission denied|\brole\b/i;
const MAX_MESSAGE = 200;

export class CbsApi {
  constructor(
    private readonly http: HttpClient,
    private readonly auth: PasswordAuth,
  ) {}

  /** Calls `name` (e.g. `ListBackupSets` or `2/ListUsers`). A 404 is returned as `missing` when allowed. */
  async call(name: string, params: Json, opts: { allowMissing?: boolean } = {}): Promise<CallResult> {
    const path = `/obs/api/json/${name}.do`;
    const res = await this.http.request({
      method: 'POST',
      path,
      json: { SysUser: this.auth.username, SysPwd: this.auth.password, ...params },
      ...(opts.allowMissing ? { accept: [200, 404] } : {}),
    });
    if (res.status === 404) return { kind: 'missing' };
    const body = res.json<unknown>();
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw decodeError(`${name}: expected a JSON object with Status`, path);
    }
    return checkEnvelope(name, path, body as Json) ? { kind: 'ok', body: body as Json } : { kind: 'no-job' };
  }

  /** Like call(), for endpoints that always exist. */
  async get(name: string, params: Json): Promise<Json> {
    const r = await this.call(name, params);
    if (r.kind === 'ok') return r.body;
    if (r.kind === 'no-job') return {};
    throw new UpstreamError('http', `${name}: not found`, { status: 404 });
  }
}

/** True for `Status: OK`, false for the benign "no backup job" answer; throws for any other error. */
function checkEnvelope(name: string, path: string, body: Json): boolean {
  const status = typeof body.Status === 'string' ? body.Status.trim().toUpperCase() : '';
  if (status === 'OK') return true;
  if (status !== 'ERROR') throw decodeError(`${name}: response without Status OK/Error`, path);
  const message = typeof body.Message === 'string' ? body.Message.trim().slice(0, MAX_MESSAGE) : '';
  if (NO_JOB.test(message)) return false;
  if (AUTH.test(message)) throw authError(`${name}: ${message}`);
  throw new UpstreamError('http', `${name}: ${message || 'error without a message'}`, { status: 200, path });
}

/** The array under the first of `keys` present; an empty or missing payload is an empty list. */
export function payloadArray(name: string, body: Json, keys: readonly string[]): unknown[] {
  for (const key of keys) {
    const v = body[key];
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) return v;
    // A single object where a list is expected (one element): accept it rather than fail.
    if (typeof v === 'object') return [v];
    throw decodeError(`${name}: ${key} is not a list`);
  }
  return [];
}

/** The object under `Data` (or the body itself when the server flattens it). */
export function payloadObject(name: string, body: Json): Json {
  const v = body.Data;
  if (v === undefined || v === null || v === '') return body;
  if (typeof v === 'object' && !Array.isArray(v)) return v as Json;
  throw decodeError(`${name}: Data is not an object`);
}

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
