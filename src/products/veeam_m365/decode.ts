// Decoders from VB365 JSON shapes (v3 to v8) to typed records. Defensive: lists come as bare arrays (most lists
// before v8) or as pages `{offset, limit, results, _links}`; fields may be missing or null. Nothing else here.
import { decodeError } from '../../common/errors';
import { bool, count, id as idOf, isObject, isoTime, text } from '../../common/decode';

export type JobKind = 'Backup' | 'Copy';

export interface Vb365Job {
  id: string;
  name: string;
  kind: JobKind;
  /** v8 (and v8 copy jobs): the owning organization. */
  organizationId?: string;
  /** Copy jobs: the backup job they copy (its organization is theirs). */
  backupJobId?: string;
  enabled?: boolean;
  /** Unix seconds; absent when null. */
  nextRun?: number;
  /** `lastStatus` as sent: only tells the sessions collector where to look for a running session. */
  lastStatus?: string;
}

export interface Vb365Org {
  id: string;
  name: string;
}

export interface Vb365Session {
  id: string;
  /**
   * The jobs the session names: v8 `jobId` first, then every `_links` href to `/Jobs/<id>` or `/CopyJobs/<id>`.
   * Which job (a copy job or its backup job) is not said; the sessions collector decides with the inventory.
   */
  jobIds: string[];
  /** v7+ `jobType`, else the `jobType` the listing was asked for; undefined when neither says. */
  kind?: JobKind;
  /** Unix seconds. */
  start: number;
  /** Unix seconds as sent (null/absent → undefined); normalised later. */
  end?: number;
  status: string;
  transferredBytes?: number;
  processedObjects?: number;
}

export interface Page {
  items: unknown[];
  /** Page size the server used, when it says. */
  limit?: number;
  hasNext: boolean;
  isPage: boolean;
}

/** `Array.isArray(body) ? body : body.results`, for every list of every version. */
export function decodePage(body: unknown, path: string): Page {
  if (Array.isArray(body)) return { items: body, hasNext: false, isPage: false };
  if (isObject(body) && Array.isArray(body.results)) {
    const links = isObject(body._links) ? body._links : {};
    const limit = count(body.limit);
    return { items: body.results, ...(limit ? { limit } : {}), hasNext: isObject(links.next), isPage: true };
  }
  throw decodeError(`expected a list or a page with "results" from ${path}`, path);
}

export function decodeJob(v: unknown, kind: JobKind): Vb365Job | undefined {
  if (!isObject(v)) return undefined;
  const id = idOf(v.id);
  const name = text(v.name);
  if (!id || name === undefined) return undefined;
  const job: Vb365Job = { id, name, kind };
  const org = idOf(v.organizationId);
  if (org) job.organizationId = org;
  const backup = idOf(v.backupJobId);
  if (backup) job.backupJobId = backup;
  const enabled = bool(v.isEnabled);
  if (enabled !== undefined) job.enabled = enabled;
  const next = isoTime(v.nextRun);
  if (next !== undefined && next > 0) job.nextRun = next;
  const status = text(v.lastStatus);
  if (status !== undefined) job.lastStatus = status;
  return job;
}

export function decodeOrg(v: unknown): Vb365Org | undefined {
  if (!isObject(v)) return undefined;
  const id = idOf(v.id);
  const name = text(v.name) ?? text(v.officeName);
  return id && name ? { id, name } : undefined;
}

/**
 * A session without an id or a parsable creationTime cannot be placed in time and is skipped. `listed` is the
 * `jobType` the listing was asked for (v6 items do not say their kind).
 */
export function decodeSession(v: unknown, listed?: JobKind): Vb365Session | undefined {
  if (!isObject(v)) return undefined;
  const id = idOf(v.id);
  const start = isoTime(v.creationTime);
  if (!id || start === undefined) return undefined;
  const named = idOf(v.jobId);
  const jobIds = named ? [named] : [];
  for (const linked of linkedJobIds(v._links)) if (!jobIds.includes(linked)) jobIds.push(linked);
  const s: Vb365Session = { id, jobIds, start, status: typeof v.status === 'string' ? v.status : '' };
  const kind = jobKind(v.jobType) ?? listed;
  if (kind) s.kind = kind;
  const end = isoTime(v.endTime);
  if (end !== undefined) s.end = end;
  const stats = isObject(v.statistics) ? v.statistics : {};
  const transferred = count(stats.transferredDataBytes);
  if (transferred !== undefined) s.transferredBytes = transferred;
  const processed = count(stats.processedObjects);
  if (processed !== undefined) s.processedObjects = processed;
  return s;
}

function jobKind(v: unknown): JobKind | undefined {
  const t = typeof v === 'string' ? v.toLowerCase() : undefined;
  return t === 'backup' ? 'Backup' : t === 'copy' ? 'Copy' : undefined;
}

/**
 * Job ids a session links to, whatever the link's name (the documents name none): hrefs whose path ends in
 * `/Jobs/<id>` or `/CopyJobs/<id>` (`/v6/Jobs/<id>`, absolute before v6). `/Jobs/<id>/JobSessions` is not one.
 */
export function linkedJobIds(links: unknown): string[] {
  if (!isObject(links)) return [];
  const out: string[] = [];
  for (const link of Object.values(links)) {
    const href = isObject(link) ? link.href : undefined;
    const m = typeof href === 'string' ? /\/(?:copy)?jobs\/([^/?#]+)\/?(?:[?#]|$)/i.exec(href) : null;
    const id = m?.[1] ? unescapeSegment(m[1]) : undefined;
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

/** A path segment as sent, `%xx` decoded; a broken escape keeps the raw text (never a throw). */
function unescapeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function decodeServiceVersion(v: unknown): string | undefined {
  return isObject(v) ? text(v.version) : undefined;
}

export interface TokenBody {
  accessToken: string;
  expiresInSeconds: number;
}

export function decodeToken(v: unknown, path: string): TokenBody {
  const accessToken = isObject(v) ? text(v.access_token) : undefined;
  if (!isObject(v) || !accessToken) throw decodeError(`token response without access_token from ${path}`, path);
  const expires = count(v.expires_in);
  // Without expires_in the documented default lifetime (60 min) applies.
  return { accessToken, expiresInSeconds: expires && expires > 0 ? expires : 3600 };
}

export type EntryClass = 'warning' | 'error' | undefined;

/** v3–v7 log items carry their state as a `[State]` prefix of `title`. */
export function classifyTitle(title: unknown): EntryClass {
  if (typeof title !== 'string') return undefined;
  const word = /^\[(\w+)\]/.exec(title)?.[1]?.toLowerCase();
  if (word === 'warning') return 'warning';
  return word === 'error' || word === 'failed' ? 'error' : undefined;
}

/** v8 log items carry it in `type` (Running|Warning|Error|Success|Stop). */
export function classifyType(type: unknown): EntryClass {
  if (typeof type !== 'string') return undefined;
  const t = type.toLowerCase();
  return t === 'warning' ? 'warning' : t === 'error' ? 'error' : undefined;
}

/** Classifies one log item of any version: by `type` when the item has one (v8), else by `title`. */
export function classifyLogItem(item: unknown): EntryClass {
  if (!isObject(item)) return undefined;
  return 'type' in item && !('title' in item) ? classifyType(item.type) : classifyTitle(item.title);
}
