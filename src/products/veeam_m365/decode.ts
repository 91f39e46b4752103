// Decoders from VB365 JSON shapes (v3 to v8) to typed records. Defensive: lists come as bare arrays (v3–v7
// for most lists) or as pages `{offset, limit, results, _links}`; fields may be missing or null.
import { decodeError } from '../../core/errors';
import { jobIdFromLinks, parseCount, parseTime } from './parse';

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
}

export interface Vb365Org {
  id: string;
  name: string;
}

export interface Vb365Session {
  id: string;
  /** v8 field, else from `_links` or the per-job query. */
  jobId?: string;
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

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `Array.isArray(body) ? body : body.results`, for every list of every version. */
export function decodePage(body: unknown, path: string): Page {
  if (Array.isArray(body)) return { items: body, hasNext: false, isPage: false };
  if (isObj(body) && Array.isArray(body.results)) {
    const links = isObj(body._links) ? body._links : {};
    const limit = parseCount(body.limit);
    return { items: body.results, ...(limit ? { limit } : {}), hasNext: isObj(links.next), isPage: true };
  }
  throw decodeError(`expected a list or a page with "results" from ${path}`, path);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function decodeJob(v: unknown, kind: JobKind): Vb365Job | undefined {
  if (!isObj(v)) return undefined;
  const id = str(v.id);
  const name = str(v.name);
  if (!id || name === undefined) return undefined;
  const job: Vb365Job = { id, name, kind };
  const org = str(v.organizationId);
  if (org) job.organizationId = org;
  const backup = str(v.backupJobId);
  if (backup) job.backupJobId = backup;
  if (typeof v.isEnabled === 'boolean') job.enabled = v.isEnabled;
  else if (v.isEnabled === 'true' || v.isEnabled === 'false') job.enabled = v.isEnabled === 'true';
  const next = parseTime(v.nextRun);
  if (next !== undefined && next > 0) job.nextRun = next;
  return job;
}

export function decodeOrg(v: unknown): Vb365Org | undefined {
  if (!isObj(v)) return undefined;
  const id = str(v.id);
  const name = str(v.name) ?? str(v.officeName);
  return id && name ? { id, name } : undefined;
}

/** A session without an id or a parsable creationTime cannot be placed in time and is skipped. */
export function decodeSession(v: unknown, jobId?: string): Vb365Session | undefined {
  if (!isObj(v)) return undefined;
  const id = str(v.id);
  const start = parseTime(v.creationTime);
  if (!id || start === undefined) return undefined;
  const s: Vb365Session = { id, start, status: typeof v.status === 'string' ? v.status : '' };
  // A per-job query names the job for sure; otherwise the v8 field, else the pre-v8 link.
  const job = jobId ?? str(v.jobId) ?? jobIdFromLinks(v._links);
  if (job) s.jobId = job;
  const end = parseTime(v.endTime);
  if (end !== undefined) s.end = end;
  const stats = isObj(v.statistics) ? v.statistics : {};
  const transferred = parseCount(stats.transferredDataBytes);
  if (transferred !== undefined) s.transferredBytes = transferred;
  const processed = parseCount(stats.processedObjects);
  if (processed !== undefined) s.processedObjects = processed;
  return s;
}

export function decodeServiceVersion(v: unknown): string | undefined {
  return isObj(v) ? str(v.version) : undefined;
}

export interface TokenBody {
  accessToken: string;
  expiresInSeconds: number;
}

export function decodeToken(v: unknown, path: string): TokenBody {
  const accessToken = isObj(v) ? str(v.access_token) : undefined;
  if (!isObj(v) || !accessToken) throw decodeError(`token response without access_token from ${path}`, path);
  const expires = parseCount(v.expires_in);
  // Without expires_in the documented default lifetime (60 min) applies.
  return { accessToken, expiresInSeconds: expires && expires > 0 ? expires : 3600 };
}
