// A Veeam Backup for Microsoft Azure appliance on loopback: `/api/oauth2/token` (Password and Refresh_token
// grants, capitalised), `/api/<version>/system/about`, the policy lists, `jobSessions` with Offset/Limit/FromUtc
// and `jobSessions/{id}/log`, answering as v1 or v8.1 (paths and shapes from the v8.1 OpenAPI document).

import { startSimulator, type SimReply, type SimRequest, type Simulator } from '../common';
import { demoData, scaledData, shuffled, type AzureScale, type SimData, type SimSession } from './data';
import { page, policyBody, sessionBody, timestamp, type PageOptions } from './shapes';

export interface AzureSimOptions {
  tls?: boolean;
  latencyMs?: number;
  port?: number;
  /** API version served (`v8.1` default, `v1`, ...). Only this version's paths answer. */
  version?: string;
  scale?: Partial<AzureScale>;
  now?: () => number;
  /** Reorder every list (reproducibly) so results cannot depend on the API's order. */
  shuffle?: number;
  /** Largest page served, whatever Limit asks (default 50; tests use a few to exercise paging). */
  maxPageSize?: number;
  /** Send `totalCount` in pages (default true); without it clients must follow `_links.next`. */
  totalCount?: boolean;
  /** Access-token lifetime in seconds (default 3600). */
  tokenLifetimeS?: number;
  username?: string;
  password?: string;
}

export interface AzureSimulator extends Simulator {
  data: SimData;
  version: string;
  /** Every access token issued so far answers 401 from now on. */
  expireTokens(): void;
  /** Refresh tokens stop working (the next refresh falls back to the password grant). */
  revokeRefreshTokens(): void;
  /** Grants answered, by grant type. */
  grants: { Password: number; Refresh_token: number };
  /** Requests per path (no query). */
  hits(path: RegExp): number;
}

const VERSION_ABOUT: Record<string, string> = { v1: '1.0.0.357', 'v8.1': '8.1.0.16', v8: '8.0.0.54' };

export async function startVeeamAzureSimulator(opts: AzureSimOptions = {}): Promise<AzureSimulator> {
  const now = opts.now ?? Date.now;
  const version = opts.version ?? 'v8.1';
  const scale = opts.scale;
  let data: SimData = scale
    ? scaledData(now(), { policies: scale.policies ?? 200, sessions: scale.sessions ?? 6000 })
    : demoData(now(), version);
  if (opts.shuffle !== undefined)
    data = { policies: shuffled(data.policies, opts.shuffle), sessions: shuffled(data.sessions, opts.shuffle + 1) };
  const tokens = new Map<string, number>();
  const refresh = new Set<string>();
  let issued = 0;
  const state = {
    version,
    data,
    grants: { Password: 0, Refresh_token: 0 },
    username: opts.username ?? 'monitor',
    password: opts.password ?? 'secret-azure',
  };

  const issue = (): SimReply => {
    issued++;
    const lifetime = opts.tokenLifetimeS ?? 3600;
    const at = `at-${issued}`;
    const rt = `rt-${issued}`;
    tokens.set(at, Date.now() + lifetime * 1000);
    refresh.add(rt);
    const t = now();
    return {
      json: {
        access_token: at,
        token_type: 'Bearer',
        refresh_token: rt,
        expires_in: lifetime,
        '.issued': new Date(t).toISOString(),
        '.expires': new Date(t + lifetime * 1000).toISOString(),
        userId: '6b1f0c2e-0000-4000-a000-000000000001',
        username: state.username,
        roleName: 'Viewer',
        userType: 'Internal',
        mfa_enabled: false,
        shortLived: false,
        latestNewsShown: true,
      },
    };
  };

  const token = (req: SimRequest): SimReply => {
    if (req.method !== 'POST') return problem(405, 'Method Not Allowed');
    const f = req.form();
    const grant = f.get('grant_type');
    if (grant === 'Password') {
      if (f.get('username') !== state.username || f.get('password') !== state.password)
        return problem(401, 'Unauthorized', 'Invalid user name or password.');
      state.grants.Password++;
      return issue();
    }
    if (grant === 'Refresh_token') {
      const rt = f.get('refresh_token') ?? '';
      if (!refresh.delete(rt)) return problem(401, 'Unauthorized', 'The refresh token is invalid or expired.');
      state.grants.Refresh_token++;
      return issue();
    }
    return problem(400, 'Bad Request', `Unsupported grant_type '${grant ?? ''}'.`);
  };

  const authorised = (req: SimRequest): boolean => {
    const m = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
    const exp = m ? tokens.get(m[1]!) : undefined;
    return exp !== undefined && Date.now() < exp;
  };

  const handler = (req: SimRequest): SimReply | undefined => {
    if (req.path === '/api/oauth2/token') return token(req);
    const m = /^\/api\/(v[0-9.]+)(\/.*)$/.exec(req.path);
    if (!m || m[1] !== state.version) return problem(404, 'Not Found');
    if (!authorised(req)) return problem(401, 'Unauthorized', 'The access token is missing, invalid or expired.');
    return route(m[2]!, req, state, now(), { max: opts.maxPageSize ?? 50, totalCount: opts.totalCount ?? true });
  };

  const sim = await startSimulator({ handler, tls: opts.tls, latencyMs: opts.latencyMs, port: opts.port });
  const out = sim as AzureSimulator;
  Object.defineProperty(out, 'data', {
    get: () => state.data,
    set: (d: SimData) => {
      state.data = d;
    },
  });
  Object.defineProperty(out, 'version', {
    get: () => state.version,
    set: (v: string) => {
      state.version = v;
    },
  });
  out.grants = state.grants;
  out.expireTokens = () => {
    for (const k of tokens.keys()) tokens.set(k, 0);
  };
  out.revokeRefreshTokens = () => refresh.clear();
  out.hits = (path) => sim.requests.filter((r) => path.test(r.path.split('?')[0]!)).length;
  return out;
}

type State = { version: string; data: SimData };

function route(path: string, req: SimRequest, st: State, now: number, maxPage: PageOptions): SimReply | undefined {
  const v1 = st.version === 'v1';
  if (path === '/system/about') {
    return {
      json: {
        serverVersion: VERSION_ABOUT[st.version] ?? '7.0.0.1',
        workerVersion: '7.0.0.1',
        flrVersion: '7.0.0.1',
        databaseId: '00000000-0000-4000-a000-000000000000',
        copyright: '© Veeam Software Group GmbH',
        deploymentSubscriptionId: 'sub-1',
      },
    };
  }
  const family = policyFamily(path, v1);
  if (family === 'vnet') {
    const p = st.data.policies.find((x) => x.family === 'vnet');
    return p ? { json: policyBody(p, v1) } : problem(404, 'Not Found');
  }
  if (family)
    return {
      json: page(
        req,
        st.data.policies.filter((p) => p.family === family).map((p) => policyBody(p, v1)),
        maxPage,
      ),
    };
  if (path === '/jobSessions')
    return {
      json: page(
        req,
        sessions(st.data.sessions, req, now).map((s, i) => sessionBody(s, i, v1)),
        maxPage,
      ),
    };
  const log = /^\/jobSessions\/([^/]+)\/log$/.exec(path);
  if (log) {
    const s = st.data.sessions.find((x) => x.id === decodeURIComponent(log[1]!));
    if (!s) return problem(404, 'Not Found', 'Session not found.');
    return {
      json: {
        jobSessionId: s.id,
        log: s.log.map((l) => ({
          logTime: timestamp(s.startMs + l.offsetS * 1000, l.offsetS),
          status: l.status,
          message: l.message,
          executionStartTime: timestamp(s.startMs + l.offsetS * 1000, l.offsetS + 1),
          executionDuration: '00:00:01.4468860',
          ...(v1 ? {} : { resourceHashId: `r${l.offsetS}` }),
        })),
      },
    };
  }
  return undefined;
}

function policyFamily(path: string, v1: boolean): string | undefined {
  if (v1) return path === '/policies' ? 'virtualMachines' : undefined;
  const m: Record<string, string> = {
    '/policies/virtualMachines': 'virtualMachines',
    '/policies/sql': 'sql',
    '/policies/fileShares': 'fileShares',
    '/policies/cosmosDb': 'cosmosDb',
    '/policy/vnet': 'vnet',
    '/policy/slaBased/virtualMachines': 'slaBased',
  };
  return m[path];
}

function sessions(all: SimSession[], req: SimRequest, now: number): SimSession[] {
  const from = req.query.get('FromUtc');
  const fromMs = from ? Date.parse(from) : -Infinity;
  const types = req.query.getAll('Types').flatMap((t) => t.split(','));
  const policyId = req.query.get('PolicyId');
  return all.filter(
    (s) =>
      s.startMs >= fromMs &&
      s.startMs <= now + 60_000 &&
      (types.length === 0 || types.includes(s.type)) &&
      (!policyId || s.policyId === policyId),
  );
}

function problem(status: number, title: string, detail?: string): SimReply {
  return {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    body: JSON.stringify({
      type: `https://tools.ietf.org/html/rfc7231#section-6.5.${status === 404 ? 4 : 1}`,
      title,
      status,
      ...(detail ? { detail } : {}),
      traceId: '00-sim-00',
    }),
  };
}

/** The name the other simulators follow (`start<Product>Simulator`). */
export const startAzureSimulator = startVeeamAzureSimulator;
