// A CloudDC + IAM simulator on loopback: project-scoped IAM tokens (X-Subject-Token), static tokens, AK/SK
// signature checks, marker-paged physical servers in a non-sorted order, and log exports that advance on each
// status poll, complete (one server's fail) and serve deterministic archive bytes.
import { startSimulator, type SimReply, type SimRequest, type Simulator } from '../common';
import { type AkSk, authorise, iamLogin } from './auth';
import { cloudRoute } from './cloud';
import type { SimExport, SimServer } from './data';
import { type Counters, createWorld, type IamUser, json, vendorError, type World, type WorldOptions } from './world';

export interface HuaweiSimOptions extends WorldOptions {
  tls?: boolean;
  latencyMs?: number;
  port?: number;
  version?: string;
  /** Every Nth CloudDC request answers 429 APIG.0308 (0 = never). */
  throttleEvery?: number;
}

export interface HuaweiSimulator extends Simulator {
  readonly projectId: string;
  readonly servers: SimServer[];
  /** Exports by `${serverId}/${exportId}`. */
  readonly exports: Map<string, SimExport>;
  readonly counters: Counters;
  /** Servers whose exports end in `failed`. */
  readonly failing: Set<string>;
  /** What the simulator accepts (for demo and test configurations). */
  readonly credentials: { tokens: string[]; iam: IamUser; aksk: AkSk };
  /** Invalidates every IAM token issued so far (the next CloudDC call with one answers 401). */
  expireTokens(): void;
  /** Forgets every export (status queries then answer 404). */
  forgetExports(): void;
}

export async function startHuaweiSimulator(opts: HuaweiSimOptions = {}): Promise<HuaweiSimulator> {
  const w = createWorld(opts);
  const route = router(w, opts.throttleEvery ?? 0);
  let requestNo = 0;
  const sim = await startSimulator({
    tls: opts.tls,
    latencyMs: opts.latencyMs,
    port: opts.port,
    handler: (req) => {
      const reply =
        route(req) ??
        vendorError(404, 'APIGW.0101', `The API does not exist or has not been published: ${req.method} ${req.path}`);
      // The Date header tells the simulated server's clock (clients compare it to theirs for AK/SK skew).
      const headers = {
        ...reply.headers,
        'X-Request-Id': `req-${(++requestNo).toString(16).padStart(8, '0')}`,
        Date: new Date(w.now()).toUTCString(),
      };
      return { ...reply, headers };
    },
  });
  return Object.assign(sim, {
    projectId: w.projectId,
    servers: w.servers,
    exports: w.exports,
    counters: w.counters,
    failing: w.failing,
    credentials: { tokens: [...w.staticTokens], iam: w.iam, aksk: w.aksk },
    expireTokens: () => {
      for (const t of w.issued.values()) t.expiresAt = 0;
    },
    forgetExports: () => w.exports.clear(),
  });
}

/** IAM login, then every CloudDC call: throttled every Nth, authorised, routed. */
function router(w: World, throttleEvery: number): (req: SimRequest) => SimReply | undefined {
  let cloudRequests = 0;
  return (req) => {
    if (req.path === '/v3/auth/tokens' && req.method === 'POST') return iamLogin(w, req);
    const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'v1') return undefined;
    cloudRequests++;
    if (throttleEvery && cloudRequests % throttleEvery === 0) return throttled(w);
    return authorise(w, req) ?? cloudRoute(w, req, parts.slice(1));
  };
}

function throttled(w: World): SimReply {
  w.counters.throttled++;
  const error_msg = 'The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second';
  return json(429, { error_code: 'APIG.0308', error_msg }, { 'Retry-After': '0' });
}
