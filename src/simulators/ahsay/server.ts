// AhsayCBS JSON API simulator: POST /obs/api/json/[2/]<Name>.do with SysUser/SysPwd in every body (JSON or
// form-urlencoded), HTTP 200 with {"Status":"Error",…} for failures, "No Backup Job on that day" for empty
// days, 404 for endpoints the server does not offer.
import { DateTime } from 'luxon';
import { startSimulator, type SimReply, type SimRequest, type Simulator } from '../common';
import { generate, type AhsayScale, type SimJob, type SimUser } from './data';
import { seededRandom } from '../random';
import { progressShape, reportShape, statusShape, userShape } from './shapes';

export interface AhsaySimOptions {
  tls?: boolean;
  latencyMs?: number;
  port?: number;
  /** Unused by CBS (one API generation per server); accepted for symmetry with the other simulators. */
  version?: string;
  scale?: Partial<AhsayScale>;
  now?: () => number;
  /** IANA zone of the server's wall clock (default Asia/Hong_Kong). */
  timezone?: string;
  /** Offer GetBackupJobReportSummary (default true). */
  summary?: boolean;
  /** Offer the 9.7+ `2/ListUsers` (default true); older servers only have the v1 `ListUsers`. */
  v2Users?: boolean;
  username?: string;
  password?: string;
}

export interface AhsaySimulator extends Simulator {
  users: SimUser[];
  readonly timezone: string;
  /** Every API call, in order, without SysPwd. */
  readonly calls: Array<{ api: string; params: Record<string, unknown> }>;
  shuffle: boolean;
  summary: boolean;
  v2Users: boolean;
  passwordExpired: boolean;
  username: string;
  password: string;
  /** Test hook: an Error envelope message for a call (undefined = answer normally). */
  errorFor?: (api: string, params: Record<string, unknown>) => string | undefined;
  /** Number of calls of `api` whose parameters include `match`. */
  count(api: string, match?: Record<string, unknown>): number;
  /** The simulated job with this (set, destination, id). */
  job(setId: string, destId: string | undefined, id: string): SimJob | undefined;
}

type Api = (sim: AhsaySimulator, p: Record<string, unknown>) => SimReply;

const ok = (payload: Record<string, unknown>): SimReply => ({ json: { Status: 'OK', ...payload } });
const error = (message: string, type = 'com.ahsay.obs.core.ex.ObsException'): SimReply => ({
  json: { Status: 'Error', Message: message, ExptType: type },
});

export async function startAhsaySimulator(opts: AhsaySimOptions = {}): Promise<AhsaySimulator> {
  const now = opts.now ?? Date.now;
  const zone = opts.timezone ?? 'Asia/Hong_Kong';
  const rnd = seededRandom(7);
  const self = {} as AhsaySimulator;
  const base = await startSimulator({
    tls: opts.tls,
    latencyMs: opts.latencyMs,
    port: opts.port,
    handler: (req) => handle(self, req, rnd),
  });
  const calls: AhsaySimulator['calls'] = [];
  return Object.defineProperties(self, {
    ...Object.getOwnPropertyDescriptors(base),
    users: { value: generate(now(), zone, opts.scale), writable: true },
    timezone: { value: zone },
    calls: { value: calls },
    shuffle: { value: false, writable: true },
    summary: { value: opts.summary ?? true, writable: true },
    v2Users: { value: opts.v2Users ?? true, writable: true },
    passwordExpired: { value: false, writable: true },
    errorFor: { value: undefined, writable: true },
    username: { value: opts.username ?? 'api', writable: true },
    password: { value: opts.password ?? 'secret-cbs', writable: true },
    count: {
      value: (api: string, match: Record<string, unknown> = {}) =>
        calls.filter((c) => c.api === api && Object.entries(match).every(([k, v]) => c.params[k] === v)).length,
    },
    job: {
      value: (setId: string, destId: string | undefined, id: string) =>
        self.users.flatMap((u) => u.jobs).find((j) => j.setId === setId && j.destId === destId && j.id === id),
    },
  });
}

function handle(sim: AhsaySimulator, req: SimRequest, rnd: () => number): SimReply | undefined {
  const m = /^\/obs\/api\/json\/((?:2\/)?[A-Za-z]+)\.do$/.exec(req.path);
  if (!m || req.method !== 'POST') return undefined;
  const name = m[1]!;
  const api = API[name];
  if (!api || (name === 'GetBackupJobReportSummary' && !sim.summary)) return undefined;
  if (name === '2/ListUsers' && !sim.v2Users) return undefined;
  const params = parseBody(req);
  const { SysPwd: _pwd, ...logged } = params;
  sim.calls.push({ api: name.replace(/^2\//, ''), params: logged });
  if (params.SysUser !== sim.username || params.SysPwd !== sim.password) {
    return error('Incorrect system username/password', 'com.ahsay.obs.core.ex.AuthException');
  }
  if (sim.passwordExpired)
    return error('Your password has expired and must be changed. Please change it in the web console.');
  const injected = sim.errorFor?.(name, params);
  if (injected !== undefined) return error(injected);
  const reply = api(sim, params);
  if (sim.shuffle) shuffleReply(reply, rnd);
  return reply;
}

function parseBody(req: SimRequest): Record<string, unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(req.form());
  try {
    const v: unknown = req.json();
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const findUser = (sim: AhsaySimulator, p: Record<string, unknown>): SimUser | undefined =>
  sim.users.find((u) => u.login === p.LoginName);

const findRun = (sim: AhsaySimulator, p: Record<string, unknown>): { user: SimUser; job: SimJob } | undefined => {
  const user = findUser(sim, p);
  const job = user?.jobs.find(
    (j) =>
      j.setId === p.BackupSetID && j.id === p.BackupJobID && (j.destId === undefined || j.destId === p.DestinationID),
  );
  return user && job ? { user, job } : undefined;
};

const listUsers: Api = (sim) => ok({ User: sim.users.map(userShape) });

const report =
  (full: boolean): Api =>
  (sim, p) => {
    const run = findRun(sim, p);
    return run
      ? ok({ Data: reportShape(run.job, sim.timezone, full) })
      : error(`Backup job "${String(p.BackupJobID)}" not found`);
  };

const API: Record<string, Api> = {
  '2/ListUsers': listUsers,
  ListUsers: listUsers,
  AuthSystemUser: () => ok({}),
  ListBackupSets: (sim, p) => {
    const user = findUser(sim, p);
    if (!user) return error(`User "${String(p.LoginName)}" not found`);
    return ok({ Data: user.sets.map((s) => ({ ID: s.id, Name: s.name, Type: s.type })) });
  },
  ListBackupJobStatus: (sim, p) => {
    const user = findUser(sim, p);
    if (!user) return error(`User "${String(p.LoginName)}" not found`);
    const jobs = user.jobs.filter(
      (j) => DateTime.fromMillis(j.start, { zone: sim.timezone }).toISODate() === p.BackupDate,
    );
    if (jobs.length === 0) return error('[Error] No Backup Job on that day');
    return ok({ Data: jobs.map((j) => statusShape(user, j, sim.timezone)) });
  },
  GetBackupJobReport: report(true),
  GetBackupJobReportSummary: report(false),
  GetBackupJobProgress: (sim, p) => {
    const run = findRun(sim, p);
    if (run?.job.status !== 'BS_STILL_RUNNING') return error('Backup job is not running');
    return ok({ Data: progressShape(run.user, run.job, sim.timezone) });
  },
};

/** Lists come back in another order on each call: results must not depend on it. */
function shuffleReply(reply: SimReply, rnd: () => number): void {
  const body = reply.json as Record<string, unknown> | undefined;
  for (const key of ['User', 'Data']) {
    const list = body?.[key];
    if (!Array.isArray(list)) continue;
    for (let i = list.length - 1; i > 0; i--) {
      const k = Math.floor(rnd() * (i + 1));
      [list[i], list[k]] = [list[k], list[i]];
    }
  }
}
