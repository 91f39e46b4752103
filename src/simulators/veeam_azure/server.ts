// A Veeam Backup for Microsoft Azure appliance on loopback: `/api/oauth2/token` (Password and Refresh_token
// grants, capitalised), `/api/<version>/system/about`, the policy lists, `jobSessions` with Offset/Limit/FromUtc,
// `jobSessions/{id}/log`, repositories, licence and the overview reports, answering as v1 or v8.1 (paths and
// shapes from the v8.1 OpenAPI document), with modes for the odd answers a real appliance may give.
import { type SimReply, type SimRequest, type Simulator, startSimulator } from '../common';
import { demoCapacity, type LicenseMode } from './capacity';
import { type AzureScale, type SimData, shuffled } from './data';
import { demoData } from './demo';
import { type RouteState, route } from './routes';
import { scaledData } from './scaled';
import { problem } from './shapes';
import { TokenStore } from './tokens';

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
  /**
   * How a version the appliance does not serve answers (default 404). Depending on the API-versioning layer a
   * real appliance answers 400 (unsupported version) or, behind some gateways, 403.
   */
  unservedStatus?: 400 | 403 | 404;
  /** No VNet policy was ever set up: `policy/vnet` answers the appliance's default object (disabled, no runs). */
  vnetUnconfigured?: boolean;
  /** The installed licence (default: a subscription 20 days from expiry). */
  license?: LicenseMode;
  /** Paths below `/api/<version>` answering 403, e.g. `/license` for an account whose role may not read it. */
  forbidden?: string[];
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
  /** Paths below `/api/<version>` answering 403 (live). */
  forbidden: Set<string>;
}

export async function startVeeamAzureSimulator(opts: AzureSimOptions = {}): Promise<AzureSimulator> {
  const now = opts.now ?? Date.now;
  const state: RouteState = {
    version: opts.version ?? 'v8.1',
    data: initialData(opts, now()),
    forbidden: new Set(opts.forbidden),
    origin: '',
  };
  const tokens = new TokenStore(
    opts.tokenLifetimeS ?? 3600,
    opts.username ?? 'monitor',
    opts.password ?? 'secret-azure',
    now,
  );
  const pages = { max: opts.maxPageSize ?? 50, totalCount: opts.totalCount ?? true };
  const handler = (req: SimRequest): SimReply | undefined => {
    if (req.path === '/api/oauth2/token') return tokens.grant(req);
    const m = /^\/api\/(v[0-9.]+)(\/.*)$/.exec(req.path);
    if (!m) return problem(404, 'Not Found');
    if (m[1] !== state.version) return unserved(opts.unservedStatus ?? 404, m[1]!);
    if (!tokens.authorised(req))
      return problem(401, 'Unauthorized', 'The access token is missing, invalid or expired.');
    return route(m[2]!, req, state, now(), pages);
  };
  const sim = await startSimulator({ handler, tls: opts.tls, latencyMs: opts.latencyMs, port: opts.port });
  state.origin = sim.url;
  return withControls(sim, state, tokens);
}

function unserved(status: 400 | 403 | 404, version: string): SimReply {
  if (status === 400) return problem(400, 'Unsupported API version', `The API version '${version}' is not supported.`);
  return status === 403 ? problem(403, 'Forbidden') : problem(404, 'Not Found');
}

function initialData(opts: AzureSimOptions, now: number): SimData {
  const scale = opts.scale;
  const data = scale
    ? scaledData(now, { policies: scale.policies ?? 200, sessions: scale.sessions ?? 6000 })
    : demoData(now, opts.version ?? 'v8.1');
  if (opts.license) data.capacity = demoCapacity(now, opts.license);
  if (opts.vnetUnconfigured) {
    const vnet = new Set(data.policies.filter((p) => p.family === 'vnet').map((p) => p.id));
    data.policies = data.policies.filter((p) => !vnet.has(p.id));
    data.sessions = data.sessions.filter((s) => !s.policyId || !vnet.has(s.policyId));
  }
  if (opts.shuffle === undefined) return data;
  const policies = shuffled(data.policies, opts.shuffle);
  return { ...data, policies, sessions: shuffled(data.sessions, opts.shuffle + 1) };
}

/** The simulator with its live data and version (tests change them) and its token switches. */
function withControls(sim: Simulator, state: RouteState, tokens: TokenStore): AzureSimulator {
  const out = sim as AzureSimulator;
  // Accessors, not copies: the data and the version stay live.
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
  out.grants = tokens.grants;
  out.expireTokens = () => tokens.expire();
  out.revokeRefreshTokens = () => tokens.revokeRefresh();
  out.forbidden = state.forbidden;
  out.hits = (path) => sim.requests.filter((r) => path.test(r.path.split('?')[0]!)).length;
  return out;
}

/** The name the other simulators follow (`start<Product>Simulator`). */
export const startAzureSimulator = startVeeamAzureSimulator;
