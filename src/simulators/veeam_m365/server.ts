// A VB365 REST API simulator (v3 to v8) on loopback, HTTP or HTTPS with a self-signed certificate.
// A server of version N serves only its own set of API versions (like the real product: VB365 8 serves
// v6/v7/v8, VB365 7 serves v5/v6/v7, …); any other `/vM/...` answers 404. Shapes follow each version: bare
// arrays up to v4 (Jobs, Organizations and CopyJobs bare up to v7), pages from v5, v8 log items with
// `type`/`message` instead of `title`, v8 sessions with `jobId`.
import { startSimulator, type SimReply, type SimRequest, type Simulator } from '../common';
import { type CapacitySim, createCapacitySim } from './capacity';
import type { CapacityData, CapacityScale } from './capacity-data';
import type { CapacityMode } from './capacity-shapes';
import { generateData, type M365Data, type M365Scale } from './data';
import { seededRandom } from '../random';
import { list, vendorError } from './paging';
import { type SessionModes, sessionRoute } from './sessions';
import { jobShape, orgShape, type SessionShapeModes, type ShapeCtx } from './shapes';
import { TokenStore, type TokenModes } from './tokens';

export const SERVED: Record<number, number[]> = {
  3: [3],
  4: [3, 4],
  5: [3, 4, 5],
  6: [4, 5, 6],
  7: [5, 6, 7],
  8: [6, 7, 8],
};
const SERVER_VERSIONS: Record<number, string> = {
  3: '3.0.0.422',
  4: '4.0.0.1345',
  5: '5.0.3.1063',
  6: '6.1.0.254',
  7: '7.1.0.1301',
  8: '8.1.0.305',
};

export interface M365SimOptions extends SessionModes, SessionShapeModes, TokenModes {
  /** A broken server that ignores `offset` and answers its first page, with a `next` link, forever. */
  ignoreOffset?: boolean;
  tls?: boolean;
  latencyMs?: number;
  port?: number;
  /** `v3`..`v8` (default `v8`). */
  version?: string;
  scale?: Partial<M365Scale & CapacityScale>;
  now?: () => number;
  /** Shuffle every list (stable across pages, like a server with its own order); a number is the seed. */
  shuffle?: boolean | number;
  /** Largest page the server hands out (default 10000, the documented maximum). */
  maxLimit?: number;
  tokenLifetimeSeconds?: number;
  /** Collection endpoints this server lacks (404), as a contract section 2 "version may lack" case. */
  lacks?: ReadonlyArray<'ServiceInstance' | 'CopyJobs'>;
  username?: string;
  password?: string;
  /** UTC offset of the server's timestamps, minutes (default +60). */
  offsetMinutes?: number;
  /** Odd answers of the storage, licence, coverage and proxy endpoints (CAPACITY_MODES). */
  capacityModes?: CapacityMode[];
}

export interface M365Simulator extends Simulator {
  readonly data: M365Data;
  /** Repositories, usage, licence, licensed users and proxies, and the capacity modes in force (changeable). */
  readonly capacity: CapacityData;
  readonly capacityModes: Set<CapacityMode>;
  /** The server's version (3..8); setting it upgrades the server (other versions answer 404). */
  version: number;
  /** Every login attempt: API version used and whether v7+ antiforgery was turned off. */
  readonly logins: Array<{ version: number; ok: boolean; antiforgeryDisabled: boolean }>;
  /** Makes every issued token invalid now (the next call with one answers 401). */
  expireTokens(): void;
  /** Requests whose path (with query) matches. */
  count(match: RegExp): number;
}

export async function startM365Simulator(opts: M365SimOptions = {}): Promise<M365Simulator> {
  const now = opts.now ?? Date.now;
  const data = generateData(now(), opts.scale);
  const shuffleSeed = opts.shuffle === true ? 7 : opts.shuffle === false ? undefined : opts.shuffle;
  const capacity = createCapacitySim(data, now(), { ...opts.scale, modes: opts.capacityModes, shuffleSeed });
  if (opts.shuffle !== undefined && opts.shuffle !== false) shuffleData(data, opts.shuffle === true ? 7 : opts.shuffle);
  const state = { version: Number(/^v?([3-8])$/.exec(opts.version ?? 'v8')?.[1] ?? 8) };
  const tokens = new TokenStore(
    opts.tokenLifetimeSeconds ?? 3600,
    opts.username ?? 'monitor',
    opts.password ?? 'secret-m365',
    opts,
  );
  let origin = '';
  const sim = await startSimulator({
    tls: opts.tls,
    latencyMs: opts.latencyMs,
    port: opts.port,
    handler: (req) => route(req, { data, capacity, tokens, opts, version: state.version, origin, now: now() }),
  });
  origin = sim.url;
  // Object.assign would copy the accessor's current value: the version must stay live.
  Object.defineProperty(sim, 'version', {
    get: () => state.version,
    set: (v: number) => {
      state.version = v;
    },
    enumerable: true,
  });
  return Object.assign(sim as Simulator & { version: number }, {
    data,
    capacity: capacity.data,
    capacityModes: capacity.modes,
    logins: tokens.logins,
    expireTokens: () => tokens.expireAll(),
    count: (match: RegExp) => sim.requests.filter((r) => match.test(r.path)).length,
  });
}

interface RouteCtx {
  data: M365Data;
  capacity: CapacitySim;
  tokens: TokenStore;
  opts: M365SimOptions;
  version: number;
  origin: string;
  now: number;
}

function route(req: SimRequest, rc: RouteCtx): SimReply | undefined {
  const m = /^\/v(\d+)\/(.+)$/i.exec(req.path);
  const v = Number(m?.[1]);
  if (!m || !SERVED[rc.version]?.includes(v)) return undefined;
  const rest = m[2]!.replace(/\/$/, '');
  const c: ShapeCtx = {
    version: v,
    origin: rc.origin,
    offsetMinutes: rc.opts.offsetMinutes ?? 60,
    sessionModes: rc.opts,
  };
  if (/^token$/i.test(rest)) return req.method === 'POST' ? rc.tokens.grant(req, v) : undefined;
  if (req.method !== 'GET') return undefined;
  if (!rc.tokens.valid(req))
    return { status: 401, json: { message: 'Authorization has been denied for this request.' } };
  const paged = (items: unknown[], pagedFrom: number) => list(req, c, pagedFrom, items, rest, rc);
  return rc.capacity.route(req, rest, c, rc.now, paged) ?? getRoute(req, rest, c, rc);
}

function getRoute(req: SimRequest, rest: string, c: ShapeCtx, rc: RouteCtx): SimReply | undefined {
  const { data } = rc;
  const v = c.version;
  const seg = rest.split('/');
  const lower = seg.map((s) => s.toLowerCase());
  const sessionsOf = (jobId: string) => data.sessions.filter((s) => s.jobId === jobId);
  if (rc.opts.lacks?.some((name) => name.toLowerCase() === lower[0])) return undefined;
  if (lower[0] === 'serviceinstance' && seg.length === 1)
    return { json: { installationId: '5b7b0e2c-6c4e-4b59-8a3f-7d0d3c1e9f10', version: SERVER_VERSIONS[rc.version] } };
  if (lower[0] === 'organizations') {
    // v6 declares `extendedView` required with default true; v7/v8 default to false (no backup facts).
    const extended = v <= 6 || req.query.get('extendedView')?.toLowerCase() === 'true';
    if (seg.length === 1)
      return list(
        req,
        c,
        8,
        data.orgs.map((o) => orgShape(c, o, extended)),
        rest,
        rc,
      );
    if (seg.length === 3 && lower[2] === 'jobs' && v <= 7) {
      if (!data.orgs.some((o) => o.id === seg[1]))
        return vendorError(c, 404, 'Organization not found.', 'ResourceNotFound');
      const jobs = data.jobs.filter((j) => j.kind === 'Backup' && j.orgId === seg[1]);
      return { json: jobs.map((j) => jobShape(c, j, sessionsOf(j.id))) };
    }
    return undefined;
  }
  if ((lower[0] === 'jobs' || (lower[0] === 'copyjobs' && v >= 6)) && seg.length === 1) {
    const kind = lower[0] === 'jobs' ? 'Backup' : 'Copy';
    const jobs = data.jobs.filter((j) => j.kind === kind);
    return list(
      req,
      c,
      8,
      jobs.map((j) => jobShape(c, j, sessionsOf(j.id))),
      rest,
      rc,
    );
  }
  return sessionRoute(req, seg, rest, c, rc);
}

function shuffleData(data: M365Data, seed: number): void {
  const r = seededRandom(seed);
  const shuffle = <T>(a: T[]): void => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
  };
  shuffle(data.orgs);
  shuffle(data.jobs);
  shuffle(data.sessions);
  const inner = data.logItems;
  data.logItems = (s) => {
    const items = inner(s);
    const rs = seededRandom(seed + items.length);
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(rs() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
}

/** The same, under the naming the other simulators use. */
export const startVeeamM365Simulator = startM365Simulator;
