// Decoders from AhsayCBS JSON payloads to typed records: users and their usage, backup sets and their
// destinations, ListBackupJobStatus entries and progress (reports: decode-report.ts). Numbers typed as Long
// arrive as strings or "", flags as Y/N, and times carry no offset (read in the target's zone, see times.ts).
import { bool, count, id as idOf, isObject, type Json, text } from '../../common/decode';
import { decodeError } from '../../common/errors';
import { parseCbsTime, parseJobId, parseMsOrLocal } from './times';

export interface CbsUser {
  login: string;
  owner: string;
  /** What ListUsers says of the user's storage (absent for bare login names). */
  usage?: CbsUsage;
}

/** Bytes and Unix seconds; a field the server did not send, or sent as something else, is absent. */
export interface CbsUsage {
  used?: number;
  retained?: number;
  quota?: number;
  lastBackup?: number;
}

export interface CbsBackupSet {
  id: string;
  name: string;
  type: string;
  /** Destination ids from 2/GetBackupSet; absent when unknown (a server without it). */
  destinations?: readonly string[];
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
  /** EndTime was sent but held no time (a date alone, as documented, or unreadable): the run ended. */
  ended?: true;
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
export function decodeUser(v: unknown, zone: string): CbsUser | undefined {
  if (typeof v === 'string') return text(v) === undefined ? undefined : { login: v, owner: '' };
  if (!isObject(v)) return undefined;
  const login = text(v.LoginName) ?? text(v.Name);
  if (login === undefined) return undefined;
  return { login, owner: typeof v.Owner === 'string' ? v.Owner : '', usage: decodeUsage(v, zone) };
}

/**
 * The usage fields of a ListUsers user object, read as sent: the v2 JSON user table is not published, so
 * these are the legacy API's names (DataSize, RetainSize, Quota, LastBackupDate) and AddUser v2's QuotaList.
 */
function decodeUsage(v: Json, zone: string): CbsUsage {
  const u: CbsUsage = {};
  setIf(u, 'used', count(v.DataSize));
  setIf(u, 'retained', count(v.RetainSize));
  setIf(u, 'quota', quotaOf(v));
  setIf(u, 'lastBackup', parseMsOrLocal(v.LastBackupDate, zone));
  return u;
}

/**
 * The sum of the enabled entries of a non-empty QuotaList, else `Quota`; 0 (no quota) is absent, and so is a
 * QuotaList that is not a list (some other shape of per-destination quotas: `Quota` may not be the total).
 */
function quotaOf(v: Json): number | undefined {
  const list = v.QuotaList ?? [];
  if (!Array.isArray(list)) return undefined;
  const quota = list.length > 0 ? quotaSum(list) : count(v.Quota);
  return quota === undefined || quota === 0 ? undefined : quota;
}

/** Unknown when any entry is unreadable: a partial sum would be a made-up quota. */
function quotaSum(list: readonly unknown[]): number | undefined {
  let sum = 0;
  for (const e of list) {
    const enabled = isObject(e) ? flag(e.Enabled) : undefined;
    if (enabled === undefined) return undefined;
    if (!enabled) continue;
    const quota = count((e as Json).Quota);
    if (quota === undefined) return undefined;
    sum += quota;
  }
  return sum <= Number.MAX_SAFE_INTEGER ? sum : undefined;
}

export function decodeBackupSet(v: unknown): CbsBackupSet | undefined {
  if (!isObject(v)) return undefined;
  const id = idOf(v.ID);
  return id === undefined ? undefined : { id, name: text(v.Name) ?? id, type: text(v.Type) ?? 'UNKNOWN' };
}

/**
 * 2/GetBackupSet: the ids (`Id`) of `Data.DestinationSettings.DestinationList[]`, sorted, each once. Nothing
 * else of the answer is kept: the list carries each destination's password. `Data` is an object, or an array
 * of one as the return table types it.
 */
export function decodeDestinations(body: Json): string[] {
  const raw = Array.isArray(body.Data) && body.Data.length === 1 ? body.Data[0] : body.Data;
  if (!isObject(raw)) throw decodeError('2/GetBackupSet: Data is not a backup set');
  const settings = raw.DestinationSettings ?? {};
  const list = isObject(settings) ? (settings.DestinationList ?? []) : undefined;
  if (!Array.isArray(list)) throw decodeError('2/GetBackupSet: DestinationSettings.DestinationList is not a list');
  const ids = new Set<string>();
  for (const d of list) {
    const id = isObject(d) ? idOf(d.Id) : undefined;
    if (id === undefined) throw decodeError('2/GetBackupSet: a destination without Id');
    ids.add(id);
  }
  return [...ids].sort();
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
  const end = parseCbsTime(v.EndTime, zone);
  setIf(entry, 'end', end);
  if (end === undefined && text(v.EndTime) !== undefined) entry.ended = true;
  setIf(entry, 'setName', text(v.BackupSetName));
  setIf(entry, 'destinationId', idOf(v.DestinationID));
  return entry;
}

export function decodeProgress(d: Json): CbsProgress {
  return { uploaded: count(d.UploadedFileSize), total: count(d.TotalFileSize) };
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
export function setIf<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) obj[key] = value;
}
