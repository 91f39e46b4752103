// The AhsayCBS JSON client of one collection. Every call is a POST to /obs/api/json/<Name>.do whose body
// carries the system user's credentials (SysUser/SysPwd) next to the call's parameters: there is no login
// call and no token. Failures come back as HTTP 200 with {"Status":"Error",…} (envelope.ts says which refuse
// the credentials); this file turns them into typed errors, and tells the target's login gate whether the
// credentials were accepted or refused. Request bodies are never logged or put into error messages: they
// contain the password, and GetBackupSet answers contain destination passwords.
import { isObject, type Json } from '../../common/decode';
import { decodeError, loginRejected, UpstreamError } from '../../common/errors';
import type { LoginGate } from '../../http/login-gate';
import type { HttpClient, HttpResponse } from '../../http/types';
import type { AhsayTarget } from './config';
import {
  type CbsBackupSet,
  type CbsJobEntry,
  type CbsProgress,
  type CbsUser,
  decodeBackupSet,
  decodeDestinations,
  decodeEntry,
  decodeProgress,
  decodeUser,
  payloadArray,
  payloadObject,
} from './decode';
import { readEnvelope } from './client-envelope';
import { about, withDay } from './client-note';
import { type CbsReport, decodeReport } from './decode-report';

/** The call's answer; `missing` when the server does not know the endpoint (HTTP 404). */
type CallResult = { kind: 'ok'; body: Json } | { kind: 'missing' } | { kind: 'no-job' };

interface CallOptions {
  /** A 404 is `missing` (an endpoint older servers lack), not an error. */
  allowMissing?: boolean;
  /** Any Error answer refuses the credentials (ListUsers). */
  credentials?: boolean;
  /** The answer carries secrets: a broken one is reported without its text. */
  secret?: boolean;
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
    let r = await this.call('2/ListUsers', {}, { allowMissing: true, credentials: true });
    if (r.kind === 'missing') r = await this.call('ListUsers', {}, { credentials: true });
    if (r.kind !== 'ok') return [];
    const list = payloadArray('ListUsers', r.body, ['User', 'Data']);
    return defined(list.map((v) => decodeUser(v, this.target.timezone)));
  }

  async listBackupSets(login: string): Promise<CbsBackupSet[]> {
    const body = await this.get('ListBackupSets', { LoginName: login });
    return defined(payloadArray('ListBackupSets', body, ['Data']).map(decodeBackupSet));
  }

  /** The destination ids of a backup set (2/GetBackupSet, 9.7+); `missing` on servers without the call. */
  async destinations(login: string, setId: string): Promise<string[] | 'missing'> {
    const params = { LoginName: login, BackupSetID: setId };
    const r = await this.call('2/GetBackupSet', params, { allowMissing: true, secret: true });
    if (r.kind === 'missing') return 'missing';
    if (r.kind !== 'ok') throw new UpstreamError('http', `2/GetBackupSet: no backup set ${setId}`, { status: 200 });
    return decodeDestinations(r.body);
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
    const r = await this.call(name, { ...runParams(key), Cdp: 'false' }, { allowMissing: summary });
    if (r.kind === 'missing') return 'missing';
    if (r.kind !== 'ok') throw decodeError(`${name}: no report for job ${key.jobId}`);
    return decodeReport(payloadObject(name, r.body), this.target.timezone);
  }

  async progress(key: RunKey): Promise<CbsProgress> {
    const body = await this.get('GetBackupJobProgress', runParams(key));
    return decodeProgress(payloadObject('GetBackupJobProgress', body));
  }

  /**
   * Calls `name` (e.g. `ListBackupSets` or `2/ListUsers`). Every body carries the password, so the first call
   * of a collection goes alone: the others wait for its answer, and none is sent while the wait after a
   * rejected password lasts.
   */
  private async call(name: string, params: Json, o: CallOptions = {}): Promise<CallResult> {
    if (this.credentials === undefined && this.first) await this.first.catch(() => undefined);
    this.gate.check();
    const answer = this.send(name, params, o);
    this.first ??= answer;
    return answer;
  }

  private async send(name: string, params: Json, o: CallOptions): Promise<CallResult> {
    const note = about(params);
    try {
      return await this.exchange(name, params, o, note);
    } catch (err) {
      throw withDay(err, params);
    }
  }

  private async exchange(name: string, params: Json, o: CallOptions, note: string): Promise<CallResult> {
    const path = `/obs/api/json/${name}.do`;
    const res = await this.http.request({
      method: 'POST',
      path,
      json: { SysUser: this.target.auth.username, SysPwd: this.target.auth.password, ...params },
      ...(o.allowMissing ? { accept: [200, 404] } : {}),
      ...(note === '' ? {} : { note }),
    });
    if (res.status === 404) return { kind: 'missing' };
    const body = o.secret ? quietJson(name, path, res) : res.json<unknown>();
    if (!isObject(body)) throw decodeError(`${name}: expected a JSON object with Status`, path);
    const envelope = readEnvelope(name, path, body, o.credentials === true);
    if (envelope.kind === 'refused') throw this.rejected(loginRejected(`${name}: ${envelope.message || 'refused'}`));
    if (envelope.kind === 'error') {
      throw new UpstreamError('http', `${name}: ${envelope.message || 'error without a message'}`, {
        status: 200,
        path,
      });
    }
    this.accepted();
    return envelope.kind === 'ok' ? { kind: 'ok', body } : { kind: 'no-job' };
  }

  /** Like call(), for endpoints that always exist. */
  private async get(name: string, params: Json): Promise<Json> {
    const r = await this.call(name, params);
    if (r.kind === 'ok') return r.body;
    if (r.kind === 'no-job') return {};
    throw new UpstreamError('http', `${name}: not found`, { status: 404 });
  }

  /** The first accepted call of a collection ends the gate's wait, unless a rejection came first. */
  private accepted(): void {
    if (this.credentials === undefined) {
      this.credentials = 'accepted';
      this.gate.record();
    }
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

/** JSON of an answer that carries secrets: when it does not parse, the error shows none of its text. */
function quietJson(name: string, path: string, res: HttpResponse): unknown {
  try {
    return JSON.parse(res.text());
  } catch {
    throw decodeError(`${name}: the answer is not valid JSON (its text is not shown: it carries passwords)`, path);
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
