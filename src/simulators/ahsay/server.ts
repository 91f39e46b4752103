// AhsayCBS JSON API simulator: POST /obs/api/json/[2/]<Name>.do with SysUser/SysPwd in every body (JSON or
// form-urlencoded), HTTP 200 with {"Status":"Error",…} for failures, "No Backup Job on that day" for empty
// days, 404 for endpoints the server does not offer. The routes are in ./routes.ts.
import { startSimulator, type SimReply, type SimRequest, type Simulator } from '../common';
import { seededRandom } from '../random';
import type { AhsayScale, SimJob, SimUser } from './data';
import { generate } from './handmade';
import { API, error, MESSAGES } from './routes';

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
  /** Offer the 9.7+ `2/GetBackupSet` (default true). */
  getBackupSet?: boolean;
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
  getBackupSet: boolean;
  /** 2/GetBackupSet answers `Data` as an array of one backup set (the return table types it "Array"). */
  backupSetDataArray: boolean;
  /** 2/GetBackupSet answers a body cut off after the first destination password. */
  backupSetTruncated: boolean;
  /** ListBackupJobStatus sends StartTime/EndTime as `yyyy-MM-dd`, as its return table documents them. */
  dateOnlyTimes: boolean;
  /** Users that ListUsers still lists but that were deleted since: every other call about them fails. */
  deletedUsers: string[];
  /** Users whose ListBackupJobStatus fails with an error that mentions users and passwords (not the API's). */
  troubledUsers: string[];
  passwordExpired: boolean;
  username: string;
  password: string;
  /** Test hook: an Error envelope message for a call (undefined = answer normally). */
  errorFor?: (api: string, params: Record<string, unknown>) => string | undefined;
  /** Test hook: every JSON answer, with the call's name (`2/ListUsers`, `ListBackupSets`, …). */
  onReply?: (api: string, json: unknown) => void;
  /** Number of calls of `api` whose parameters include `match`. */
  count(api: string, match?: Record<string, unknown>): number;
  /** The simulated job with this (set, destination, id). */
  job(setId: string, destId: string | undefined, id: string): SimJob | undefined;
}

const MODES = {
  shuffle: false,
  backupSetDataArray: false,
  backupSetTruncated: false,
  dateOnlyTimes: false,
  passwordExpired: false,
};

export async function startAhsaySimulator(opts: AhsaySimOptions = {}): Promise<AhsaySimulator> {
  const now = opts.now ?? Date.now;
  const zone = opts.timezone ?? 'Asia/Hong_Kong';
  const rnd = seededRandom(7);
  const self = {} as AhsaySimulator;
  const base = await startSimulator({
    tls: opts.tls,
    latencyMs: opts.latencyMs,
    port: opts.port,
    handler: (req) => reply(self, req, rnd),
  });
  const calls: AhsaySimulator['calls'] = [];
  const writable = (value: unknown) => ({ value, writable: true });
  return Object.defineProperties(self, {
    ...Object.getOwnPropertyDescriptors(base),
    ...Object.fromEntries(Object.entries(MODES).map(([k, v]) => [k, writable(v)])),
    users: writable(generate(now(), zone, opts.scale)),
    timezone: { value: zone },
    calls: { value: calls },
    summary: writable(opts.summary ?? true),
    v2Users: writable(opts.v2Users ?? true),
    getBackupSet: writable(opts.getBackupSet ?? true),
    deletedUsers: writable([]),
    troubledUsers: writable([]),
    errorFor: writable(undefined),
    onReply: writable(undefined),
    username: writable(opts.username ?? 'api'),
    password: writable(opts.password ?? 'secret-cbs'),
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

function reply(sim: AhsaySimulator, req: SimRequest, rnd: () => number): SimReply | undefined {
  const m = /^\/obs\/api\/json\/((?:2\/)?[A-Za-z]+)\.do$/.exec(req.path);
  if (!m || req.method !== 'POST') return undefined;
  const name = m[1]!;
  if (!offered(sim, name)) return undefined;
  const out = handle(sim, name, parseBody(req));
  if (sim.shuffle) shuffleReply(out, rnd);
  sim.onReply?.(name, out.json);
  if (name === '2/GetBackupSet' && sim.backupSetTruncated && out.json !== undefined) return truncated(out.json);
  return out;
}

function offered(sim: AhsaySimulator, name: string): boolean {
  if (!API[name]) return false;
  if (name === 'GetBackupJobReportSummary') return sim.summary;
  if (name === '2/ListUsers') return sim.v2Users;
  return name !== '2/GetBackupSet' || sim.getBackupSet;
}

function handle(sim: AhsaySimulator, name: string, params: Record<string, unknown>): SimReply {
  const { SysPwd: _pwd, ...logged } = params;
  sim.calls.push({ api: name.replace(/^2\//, ''), params: logged });
  // The documented answer to wrong credentials (and to a role without API access), with the example's ExptType.
  if (params.SysUser !== sim.username || params.SysPwd !== sim.password) return error(MESSAGES.credentials, 'c');
  if (sim.passwordExpired) return error(MESSAGES.expired);
  const injected = sim.errorFor?.(name, params);
  if (injected !== undefined) return error(injected);
  return API[name]!(sim, params);
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

/** The JSON text cut right after the first destination password (a proxy or server that stops mid-answer). */
function truncated(json: unknown): SimReply {
  const text = JSON.stringify(json);
  const at = text.indexOf('"Password"');
  const cut = at < 0 ? text.length - 1 : text.indexOf(',', at);
  return { headers: { 'content-type': 'application/json' }, body: text.slice(0, cut) };
}

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
