// The AhsayCBS JSON client of one collection. Every call is a POST to /obs/api/json/<Name>.do whose body
// carries the system user's credentials (SysUser/SysPwd) next to the call's parameters: there is no login
// call and no token. Failures come back as HTTP 200 with {"Status":"Error","Message":…}; this file turns them
// into typed errors, and tells the target's login gate whether the credentials were accepted or refused.
// Request bodies are never logged or put into error messages: they contain the password.
import type { Logger } from 'pino';
import { isObject, type Json } from '../../common/decode';
import { decodeError, loginRejected, UpstreamError } from '../../common/errors';
import type { LoginGate } from '../../http/login-gate';
import type { HttpClient } from '../../http/types';
import type { AhsayTarget } from './config';
import {
  type CbsBackupSet,
  type CbsJobEntry,
  type CbsProgress,
  type CbsUser,
  decodeBackupSet,
  decodeEntry,
  decodeProgress,
  decodeReport,
  decodeUser,
  payloadArray,
  payloadObject,
} from './decode';
import type { CbsReport } from './report-fields';

/** The call's answer; `missing` when the server does not know the endpoint (HTTP 404). */
type CallResult = { kind: 'ok'; body: Json } | { kind: 'missing' } | { kind: 'no-job' };

/** ListBackupJobStatus answers a day without jobs with this error; it is an empty list, not a failure. */
const NO_JOB = /no backup job/i;
/** Wrong credentials, an expired password (8.3.4+ password policies) or a role without API access. */
const AUTH = /incorrect system|system user|username|password|unauthori[sz]ed|access denied|permission denied|\brole\b/i;
const MAX_MESSAGE = 200;

/** Parameters that identify one run for the report and progress calls. */
export interface RunKey {
  login: string;
  owner: string;
  setId: string;
  destinationId?: string;
  jobId: string;
}

export class CbsClient {
  /** What this collection learned of the credentials; the target's login gate is told once of each. */
  private credentials?: 'accepted' | 'rejected';
  /** The first call of this collection. */
  private first?: Promise<unknown>;

  constructor(
    private readonly http: HttpClient,
    private readonly target: AhsayTarget,
    private readonly gate: LoginGate,
  ) {}

  /** Every backup user. The v2 endpoint (9.7+) first; servers without it answer 404 and get the v1 one. */
  async listUsers(): Promise<CbsUser[]> {
    let r = await this.call('2/ListUsers', {}, true);
    if (r.kind === 'missing') r = await this.call('ListUsers', {});
    if (r.kind !== 'ok') return [];
    return defined(payloadArray('ListUsers', r.body, ['User', 'Data']).map(decodeUser));
  }

  async listBackupSets(login: string): Promise<CbsBackupSet[]> {
    const body = await this.get('ListBackupSets', { LoginName: login });
    return defined(payloadArray('ListBackupSets', body, ['Data']).map(decodeBackupSet));
  }

  /** The jobs started on `date` (yyyy-MM-dd, server-local). "No Backup Job on that day" is an empty list. */
  async listBackupJobStatus(user: CbsUser, date: string): Promise<CbsJobEntry[]> {
    // Owner is optional here; it is only sent when known (a reseller's user), never as a filter on "".
    const owner = user.owner === '' ? {} : { Owner: user.owner };
    const body = await this.get('ListBackupJobStatus', { LoginName: user.login, ...owner, BackupDate: date });
    const list = payloadArray('ListBackupJobStatus', body, ['Data']);
    return defined(list.map((v) => decodeEntry(v, user, this.target.timezone)));
  }

  /** The report (or its summary) of one run; `summary` false uses the full report endpoint. */
  async report(key: RunKey, summary: boolean): Promise<CbsReport | 'missing'> {
    const name = summary ? 'GetBackupJobReportSummary' : 'GetBackupJobReport';
    const r = await this.call(name, { ...runParams(key), Cdp: 'false' }, summary);
    if (r.kind === 'missing') return 'missing';
    if (r.kind !== 'ok') throw decodeError(`${name}: no report for job ${key.jobId}`);
    return decodeReport(payloadObject(name, r.body), this.target.timezone);
  }

  async progress(key: RunKey): Promise<CbsProgress> {
    const body = await this.get('GetBackupJobProgress', runParams(key));
    return decodeProgress(payloadObject('GetBackupJobProgress', body));
  }

  /**
   * Calls `name` (e.g. `ListBackupSets` or `2/ListUsers`); a 404 is returned as `missing` when allowed. Every
   * body carries the password, so the first call of a collection goes alone: the others wait for its answer,
   * and none is sent while the wait after a rejected password lasts.
   */
  private async call(name: string, params: Json, allowMissing = false): Promise<CallResult> {
    if (this.credentials === undefined && this.first) await this.first.catch(() => undefined);
    this.gate.check();
    const answer = this.send(name, params, allowMissing);
    this.first ??= answer;
    return answer;
  }

  private async send(name: string, params: Json, allowMissing: boolean): Promise<CallResult> {
    const path = `/obs/api/json/${name}.do`;
    const res = await this.http.request({
      method: 'POST',
      path,
      json: { SysUser: this.target.auth.username, SysPwd: this.target.auth.password, ...params },
      ...(allowMissing ? { accept: [200, 404] } : {}),
    });
    if (res.status === 404) return { kind: 'missing' };
    const body = res.json<unknown>();
    if (!isObject(body)) throw decodeError(`${name}: expected a JSON object with Status`, path);
    return this.envelope(name, path, body) ? { kind: 'ok', body } : { kind: 'no-job' };
  }

  /** Like call(), for endpoints that always exist. */
  private async get(name: string, params: Json): Promise<Json> {
    const r = await this.call(name, params);
    if (r.kind === 'ok') return r.body;
    if (r.kind === 'no-job') return {};
    throw new UpstreamError('http', `${name}: not found`, { status: 404 });
  }

  /** True for `Status: OK`, false for the benign "no backup job" answer; throws for any other error. */
  private envelope(name: string, path: string, body: Json): boolean {
    const status = typeof body.Status === 'string' ? body.Status.trim().toUpperCase() : '';
    if (status === 'OK') return this.accepted(true);
    if (status !== 'ERROR') throw decodeError(`${name}: response without Status OK/Error`, path);
    const message = typeof body.Message === 'string' ? body.Message.trim().slice(0, MAX_MESSAGE) : '';
    if (NO_JOB.test(message)) return this.accepted(false);
    if (AUTH.test(message)) throw this.rejected(loginRejected(`${name}: ${message}`));
    throw new UpstreamError('http', `${name}: ${message || 'error without a message'}`, { status: 200, path });
  }

  /** The first accepted call of a collection ends the gate's wait, unless a rejection came first. */
  private accepted<T>(value: T): T {
    if (this.credentials === undefined) {
      this.credentials = 'accepted';
      this.gate.record();
    }
    return value;
  }

  /** The first rejection of a collection starts (or doubles) the gate's wait; later ones add nothing. */
  private rejected(rejection: UpstreamError): UpstreamError {
    if (this.credentials !== 'rejected') {
      this.credentials = 'rejected';
      this.gate.record(rejection);
    }
    return rejection;
  }
}

/**
 * A running job's report or progress may be refused with an Error envelope (the job just ended, or its
 * report is not written yet): that leaves its series out without failing the part. Transport, HTTP status
 * and decode errors, and rejected credentials, still fail it.
 */
export async function whileRunning<T>(p: Promise<T>, log: Logger): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (!(err instanceof UpstreamError && err.kind === 'http' && err.details.status === 200)) throw err;
    log.debug({ err: err.message }, 'ahsay running job: no report or progress yet');
    return undefined;
  }
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

function defined<T>(list: ReadonlyArray<T | undefined>): T[] {
  return list.filter((v): v is T => v !== undefined);
}
