// The AhsayCBS API client: typed calls and defensive decoding of the vendor's shapes into records. Times are
// read in the target's zone; numbers may arrive as strings. No metric knowledge here.
import { decodeError } from '../../common/errors';
import type { HttpClient } from '../../http/types';
import type { AhsayTarget } from '../../config/types';
import { CbsApi, isObject, payloadArray, payloadObject, type Json } from './api';
import { parseCbsTime, parseCount, parseJobId, parseText } from './parse';
import { decodeReport, type CbsReport } from './report';

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

/** Parameters that identify one run for the report and progress calls. */
export interface RunKey {
  login: string;
  owner: string;
  setId: string;
  destinationId?: string;
  jobId: string;
}

export class CbsClient {
  private readonly api: CbsApi;
  constructor(
    http: HttpClient,
    private readonly target: AhsayTarget,
  ) {
    this.api = new CbsApi(http, target.auth);
  }

  /** Every backup user. The v2 endpoint (9.7+) first; servers without it answer 404 and get the v1 one. */
  async listUsers(): Promise<CbsUser[]> {
    let r = await this.api.call('2/ListUsers', {}, { allowMissing: true });
    if (r.kind === 'missing') r = await this.api.call('ListUsers', {});
    if (r.kind !== 'ok') return [];
    return payloadArray('ListUsers', r.body, ['User', 'Data']).flatMap(decodeUser);
  }

  async listBackupSets(login: string): Promise<CbsBackupSet[]> {
    const body = await this.api.get('ListBackupSets', { LoginName: login });
    return payloadArray('ListBackupSets', body, ['Data']).flatMap((v) => {
      if (!isObject(v)) return [];
      const id = parseText(v.ID);
      return id === undefined ? [] : [{ id, name: parseText(v.Name) ?? id, type: parseText(v.Type) ?? 'UNKNOWN' }];
    });
  }

  /** The jobs started on `date` (yyyy-MM-dd, server-local). "No Backup Job on that day" is an empty list. */
  async listBackupJobStatus(user: CbsUser, date: string): Promise<CbsJobEntry[]> {
    // Owner is optional here; it is only sent when known (a reseller's user), never as a filter on "".
    const owner = user.owner === '' ? {} : { Owner: user.owner };
    const body = await this.api.get('ListBackupJobStatus', { LoginName: user.login, ...owner, BackupDate: date });
    return payloadArray('ListBackupJobStatus', body, ['Data']).flatMap((v) => this.decodeEntry(user, v));
  }

  /** The report (or its summary) of one run; `summary` false uses the full report endpoint. */
  async report(key: RunKey, summary: boolean): Promise<CbsReport | 'missing'> {
    const name = summary ? 'GetBackupJobReportSummary' : 'GetBackupJobReport';
    const r = await this.api.call(name, { ...runParams(key), Cdp: 'false' }, { allowMissing: summary });
    if (r.kind === 'missing') return 'missing';
    if (r.kind !== 'ok') throw decodeError(`${name}: no report for job ${key.jobId}`);
    return decodeReport(payloadObject(name, r.body), this.target.timezone);
  }

  async progress(key: RunKey): Promise<CbsProgress> {
    const body = await this.api.get('GetBackupJobProgress', runParams(key));
    const d = payloadObject('GetBackupJobProgress', body);
    return { uploaded: parseCount(d.UploadedFileSize), total: parseCount(d.TotalFileSize) };
  }

  private decodeEntry(user: CbsUser, v: unknown): CbsJobEntry[] {
    if (!isObject(v)) return [];
    const id = parseText(v.ID);
    const setId = parseText(v.BackupSetID);
    if (id === undefined || setId === undefined) return [];
    const zone = this.target.timezone;
    const start = parseCbsTime(v.StartTime, zone) ?? parseJobId(id, zone);
    if (start === undefined) return [];
    const entry: CbsJobEntry = {
      id,
      setId,
      start,
      login: parseText(v.LoginName) ?? user.login,
      owner: typeof v.Owner === 'string' ? v.Owner : user.owner,
      status: parseText(v.BackupJobStatus) ?? '',
    };
    const end = parseCbsTime(v.EndTime, zone);
    if (end !== undefined) entry.end = end;
    const setName = parseText(v.BackupSetName);
    if (setName !== undefined) entry.setName = setName;
    const destinationId = parseText(v.DestinationID);
    if (destinationId !== undefined) entry.destinationId = destinationId;
    return [entry];
  }
}

function decodeUser(v: unknown): CbsUser[] {
  // LoginNameOnly answers, and some servers, list bare login names.
  if (typeof v === 'string') return v.trim() === '' ? [] : [{ login: v, owner: '' }];
  if (!isObject(v)) return [];
  const login = parseText(v.LoginName) ?? parseText(v.Name);
  return login === undefined ? [] : [{ login, owner: typeof v.Owner === 'string' ? v.Owner : '' }];
}

function runParams(key: RunKey): Json {
  return {
    LoginName: key.login,
    Owner: key.owner,
    BackupSetID: key.setId,
    // Runs of v6 clients have no destination; the parameter is then left out, as the docs allow.
    ...(key.destinationId === undefined ? {} : { DestinationID: key.destinationId }),
    BackupJobID: key.jobId,
  };
}
