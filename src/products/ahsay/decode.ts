// Decoders from AhsayCBS JSON payloads to typed records: users, backup sets, ListBackupJobStatus entries,
// reports and progress. Numbers typed as Long arrive as strings or "", ratios as "33%", flags as Y/N, and
// times carry no offset (read in the target's zone, see times.ts). Nothing else here.
import { bool, count, id as idOf, isObject, type Json, text } from '../../common/decode';
import { decodeError } from '../../common/errors';
import { CHANGE_KEYS, CHANGES, type CbsReport, type ChangeStats } from './report-fields';
import { parseCbsTime, parseJobId } from './times';

export interface CbsUser {
  login: string;
  owner: string;
}

export interface CbsBackupSet {
  id: string;
  name: string;
  type: string;
}

/** One entry of ListBackupJobStatus: a run of a backup set to one destination. */
export interface CbsJobEntry {
  id: string;
  login: string;
  owner: string;
  setId: string;
  setName?: string;
  destinationId?: string;
  /** Unix seconds; from StartTime, else from the job id (which is the start time). */
  start: number;
  end?: number;
  status: string;
}

export interface CbsProgress {
  uploaded?: number;
  total?: number;
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
  if (isObject(v)) return v;
  throw decodeError(`${name}: Data is not an object`);
}

/** A user of ListUsers; LoginNameOnly answers, and some servers, list bare login names. */
export function decodeUser(v: unknown): CbsUser | undefined {
  if (typeof v === 'string') return text(v) === undefined ? undefined : { login: v, owner: '' };
  if (!isObject(v)) return undefined;
  const login = text(v.LoginName) ?? text(v.Name);
  return login === undefined ? undefined : { login, owner: typeof v.Owner === 'string' ? v.Owner : '' };
}

export function decodeBackupSet(v: unknown): CbsBackupSet | undefined {
  if (!isObject(v)) return undefined;
  const id = idOf(v.ID);
  return id === undefined ? undefined : { id, name: text(v.Name) ?? id, type: text(v.Type) ?? 'UNKNOWN' };
}

/** An entry without an id, a backup set or a start time cannot be placed and is skipped. */
export function decodeEntry(v: unknown, user: CbsUser, zone: string): CbsJobEntry | undefined {
  if (!isObject(v)) return undefined;
  const id = idOf(v.ID);
  const setId = idOf(v.BackupSetID);
  if (id === undefined || setId === undefined) return undefined;
  const start = parseCbsTime(v.StartTime, zone) ?? parseJobId(id, zone);
  if (start === undefined) return undefined;
  const entry: CbsJobEntry = {
    id,
    setId,
    start,
    login: text(v.LoginName) ?? user.login,
    owner: typeof v.Owner === 'string' ? v.Owner : user.owner,
    status: text(v.BackupJobStatus) ?? '',
  };
  setIf(entry, 'end', parseCbsTime(v.EndTime, zone));
  setIf(entry, 'setName', text(v.BackupSetName));
  setIf(entry, 'destinationId', idOf(v.DestinationID));
  return entry;
}

export function decodeProgress(d: Json): CbsProgress {
  return { uploaded: count(d.UploadedFileSize), total: count(d.TotalFileSize) };
}

/** GetBackupJobReport[Summary]: counters only; the per-file arrays of the full report are never kept. */
export function decodeReport(d: Json, zone: string): CbsReport {
  const r: CbsReport = { files: {} };
  setIf(r, 'id', idOf(d.ID));
  setIf(r, 'status', text(d.BackupJobStatus));
  setIf(r, 'start', parseCbsTime(d.StartTime, zone));
  setIf(r, 'end', parseCbsTime(d.EndTime, zone));
  setIf(r, 'warnings', count(d.NumOfWarnEntries));
  setIf(r, 'errors', count(d.NumOfErrorEntries));
  for (const change of CHANGES) {
    const k = CHANGE_KEYS[change];
    const s: ChangeStats = {};
    setIf(s, 'count', count(d[k.count]));
    setIf(s, 'stored', count(d[k.stored]));
    setIf(s, 'original', count(d[k.original]));
    // Ratios are informational ("33%", or "05" in the vendor's own example): parsed, never required.
    setIf(
      s,
      'zipRatio',
      k.ratio.map((key) => percent(d[key])).find((v) => v !== undefined),
    );
    if (Object.keys(s).length > 0) r.files[change] = s;
  }
  setIf(r, 'dedupeEnabled', flag(d.DedupeEnabled));
  setIf(r, 'dedupeOriginal', count(d.DedupeOriginalSize));
  setIf(r, 'dedupeSaving', count(d.DedupeSaving));
  const log = Array.isArray(d.Logs) ? d.Logs : Array.isArray(d.info) ? d.info : undefined;
  setIf(r, 'logEntries', log?.length);
  return r;
}

/** `"33%"`, `"05"`, `33` → 0.33, 0.05, 0.33 (a percentage as a 0..1 ratio). */
export function percent(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value / 100 : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  return m ? Number(m[1]) / 100 : undefined;
}

/** A CBS flag: what common `bool` reads, and also `Y`/`N`/`yes`/`no` (any case) of the legacy API. */
export function flag(value: unknown): boolean | undefined {
  const b = bool(value);
  if (b !== undefined || typeof value !== 'string') return b;
  const s = value.trim().toLowerCase();
  return s === 'y' || s === 'yes' ? true : s === 'n' || s === 'no' ? false : undefined;
}

/** Assigns only defined values, so absent stays absent. */
function setIf<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) obj[key] = value;
}
