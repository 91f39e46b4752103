// Decoding the appliance's JSON into typed records, defensively: pages or bare arrays, missing fields, numbers
// sent as strings, ids as numbers (v1) or uuids, durations as .NET TimeSpans or milliseconds. A body that
// cannot be what the API documents is a `decode` error naming the path; a single odd record is skipped
// instead of failing the whole list. Nothing else here.
import { bool, count, id as idOf, isObject, isoTime, type Json, number, text } from '../../common/decode';
import { authError, decodeError } from '../../common/errors';

export interface AzurePolicy {
  id: string;
  name: string;
  /** The policy type of contract 4.2 (`VirtualMachines`, `AzureSql`, ...). */
  type: string;
  enabled?: boolean;
  /** Unix seconds. */
  nextRun?: number;
}

export interface AzureSession {
  id: string;
  type: string;
  status: string;
  policyId?: string;
  /** Unix seconds. */
  start?: number;
  stop?: number;
  /** `executionDuration` as sent (TimeSpan string, milliseconds number, null or absent). */
  duration?: unknown;
  protectedInstances?: number;
}

export interface LogCounts {
  warnings: number;
  errors: number;
}

export interface Page {
  results: unknown[];
  totalCount?: number;
  hasNext: boolean;
  /** A bare array is the whole list. */
  complete?: boolean;
}

/** The `Login` schema, as the token manager keeps it. */
export interface TokenBody {
  value: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken?: string;
}

/** Lifetime assumed when the response carries none (the appliance default is 60 minutes). */
const DEFAULT_LIFETIME_S = 3600;

/** A page `{offset, limit, totalCount, results, _links}`, or a bare array (one page holding everything). */
export function decodePage(body: unknown, path: string): Page {
  if (Array.isArray(body)) return { results: body, hasNext: false, complete: true };
  if (!isObject(body) || !Array.isArray(body.results)) throw decodeError('expected a page with a results array', path);
  const links = isObject(body._links) ? body._links : {};
  const page: Page = { results: body.results, hasNext: links.next !== undefined && links.next !== null };
  const total = count(body.totalCount);
  if (total !== undefined) page.totalCount = total;
  return page;
}

/** A policy of a list; undefined (skipped) without an id. The name falls back to the id. */
export function decodePolicy(raw: unknown, type: string): AzurePolicy | undefined {
  if (!isObject(raw)) return undefined;
  const id = idOf(raw.id);
  if (!id) return undefined;
  const policy: AzurePolicy = { id, name: text(raw.name) ?? id, type };
  const enabled = bool(raw.isEnabled);
  if (enabled !== undefined) policy.enabled = enabled;
  const next = isoTime(raw.nextExecutionTime);
  if (next !== undefined) policy.nextRun = next;
  return policy;
}

export function decodeSession(raw: unknown): AzureSession | undefined {
  if (!isObject(raw)) return undefined;
  const id = idOf(raw.id);
  const type = text(raw.type);
  if (!id || !type) return undefined;
  const info = isObject(raw.backupJobInfo) ? raw.backupJobInfo : {};
  const s: AzureSession = { id, type, status: text(raw.status) ?? 'Unknown', duration: raw.executionDuration };
  const policyId = idOf(info.policyId);
  if (policyId) s.policyId = policyId;
  const start = isoTime(raw.executionStartTime);
  if (start !== undefined) s.start = start;
  const stop = isoTime(raw.executionStopTime);
  if (stop !== undefined) s.stop = stop;
  const protectedInstances = count(info.protectedInstancesCount);
  if (protectedInstances !== undefined) s.protectedInstances = protectedInstances;
  return s;
}

const WARNING = new Set(['warning', 'runningwithwarning']);
const ERROR = new Set(['error', 'runningwitherror']);

/** `JobSessionLog {jobSessionId, log: LogItem[]}` counted by item status (a bare array is accepted too). */
export function decodeLogCounts(body: unknown, path: string): LogCounts {
  const items = Array.isArray(body) ? body : isObject(body) ? (body.log ?? []) : undefined;
  if (!Array.isArray(items)) throw decodeError('expected a session log with a log array', path);
  const counts: LogCounts = { warnings: 0, errors: 0 };
  for (const item of items) {
    const status = isObject(item) ? text(item.status)?.toLowerCase() : undefined;
    if (status === undefined) continue;
    if (WARNING.has(status)) counts.warnings++;
    else if (ERROR.has(status)) counts.errors++;
  }
  return counts;
}

/** `SystemInfo.serverVersion`. */
export function decodeAbout(body: unknown): string | undefined {
  return isObject(body) ? text(body.serverVersion) : undefined;
}

/** Reads the `Login` schema: `access_token`, `refresh_token`, `expires_in`, `.expires` (leading dot). */
export function decodeToken(body: unknown, now: number, path: string): TokenBody {
  if (!isObject(body)) throw decodeError('token response is not a JSON object', path);
  const value = text(body.access_token);
  if (value === undefined) {
    // An account with MFA gets an mfa_token instead of an access token: say so, it is a configuration problem.
    if (body.mfa_enabled === true)
      throw authError('the account requires MFA; use an account without MFA for monitoring');
    throw decodeError('token response has no access_token', path);
  }
  const token: TokenBody = { value, expiresAt: now + lifetimeSeconds(body) * 1000 };
  const refreshToken = text(body.refresh_token);
  if (refreshToken !== undefined) token.refreshToken = refreshToken;
  return token;
}

// expires_in is relative, so it is immune to clock skew between the appliance and the exporter; `.expires`
// (an absolute server time) minus `.issued` is the fallback.
function lifetimeSeconds(b: Json): number {
  const n = number(b.expires_in);
  if (n !== undefined && n > 0) return n;
  const issued = isoTime(b['.issued']);
  const expires = isoTime(b['.expires']);
  if (issued !== undefined && expires !== undefined && expires > issued) return expires - issued;
  return DEFAULT_LIFETIME_S;
}

const TIMESPAN = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

/**
 * `executionDuration` in seconds. Accepts a .NET TimeSpan `[-][d.]hh:mm:ss[.fffffff]` or a number of
 * milliseconds (the v2/v3 schema pages type the field as int64 ms; numeric strings are taken the same way).
 * Returns undefined for anything else, so the caller can leave the duration out instead of guessing.
 */
export function parseTimeSpan(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value / 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s) / 1000;
  const m = TIMESPAN.exec(s);
  if (!m) return undefined;
  const [, neg, d, h, min, sec, frac] = m;
  const hours = Number(h);
  const minutes = Number(min);
  const seconds = Number(sec);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const whole = Number(d ?? 0) * 86_400 + hours * 3600 + minutes * 60 + seconds;
  const total = whole + (frac ? Number(`0.${frac}`) : 0);
  // A negative span cannot be a run's duration: treat it as unparsable.
  return neg ? undefined : total;
}
