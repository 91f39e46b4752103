// A CloudDC + IAM simulator on loopback: project-scoped IAM tokens (X-Subject-Token), static tokens, AK/SK
// signature checks, marker-paged physical servers in a non-sorted order, and log exports that advance on each
// status poll, complete (one server's fail) and serve deterministic archive bytes.
import { randomBytes } from 'node:crypto';
import { startSimulator, type SimReply, type SimRequest, type Simulator } from '../common';
import { verifySignature, type AkSk } from './auth';
import {
  DEFAULT_SCALE,
  archiveBytes,
  exportStatus,
  formatPercent,
  generateServers,
  shuffled,
  type HuaweiScale,
  type SimExport,
  type SimServer,
} from './data';

export interface HuaweiSimOptions {
  tls?: boolean;
  latencyMs?: number;
  port?: number;
  version?: string;
  scale?: Partial<HuaweiScale>;
  now?: () => number;
  projectId?: string;
  /** Accepted static X-Auth-Token values. */
  tokens?: string[];
  iam?: { domain: string; username: string; password: string };
  /** Access key pair accepted for AK/SK signing. */
  aksk?: AkSk;
  /** IAM token lifetime (the real one is 24 h). */
  tokenLifetimeMs?: number;
  /** Server-side cap on `limit` (the API's is 1000); lower it to force several pages. */
  maxLimit?: number;
  /** Seed of the list order only (default: the data seed), to show results do not depend on it. */
  orderSeed?: number;
  /** Every Nth CloudDC request answers 429 APIG.0308 (0 = never). */
  throttleEvery?: number;
}

export interface HuaweiSimulator extends Simulator {
  readonly projectId: string;
  readonly servers: SimServer[];
  /** Exports by `${serverId}/${exportId}`. */
  readonly exports: Map<string, SimExport>;
  readonly counters: {
    logins: number;
    creates: number;
    polls: number;
    downloads: number;
    throttled: number;
    rejected: number;
  };
  /** Servers whose exports end in `failed`. */
  readonly failing: Set<string>;
  /** What the simulator accepts (for demo and test configurations). */
  readonly credentials: { tokens: string[]; iam: { domain: string; username: string; password: string }; aksk: AkSk };
  /** Invalidates every IAM token issued so far (the next CloudDC call with one answers 401). */
  expireTokens(): void;
  /** Forgets every export (status queries then answer 404). */
  forgetExports(): void;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): SimReply => ({
  status,
  json: body,
  headers,
});
const vendorError = (status: number, code: string, msg: string): SimReply =>
  json(status, { error_code: code, error_msg: msg });

export async function startHuaweiSimulator(opts: HuaweiSimOptions = {}): Promise<HuaweiSimulator> {
  const now = opts.now ?? Date.now;
  const projectId = opts.projectId ?? 'proj1';
  const scale = { ...DEFAULT_SCALE, ...opts.scale };
  const servers = generateServers(projectId, scale, now());
  const listed = shuffled(servers, opts.orderSeed ?? scale.seed);
  const byId = new Map(servers.map((s) => [s.id, s]));
  const staticTokens = new Set(opts.tokens ?? ['secret-token']);
  const iam = opts.iam ?? { domain: 'acme', username: 'monitor', password: 'secret-iam' };
  const aksk = opts.aksk ?? { accessKey: 'AKDEMO0000000000', secretKey: 'secret-sk' };
  const issued = new Map<string, { project: string; expiresAt: number }>();
  const exports = new Map<string, SimExport>();
  const nextId = new Map<string, number>();
  const failing = new Set<string>(servers[5] ? [servers[5].id] : []);
  const counters = { logins: 0, creates: 0, polls: 0, downloads: 0, throttled: 0, rejected: 0 };
  let cloudRequests = 0;

  const login = (req: SimRequest): SimReply => {
    const body = safeJson(req);
    const user = body?.auth?.identity?.password?.user;
    const project = body?.auth?.scope?.project?.id;
    if (user?.name !== iam.username || user?.password !== iam.password || user?.domain?.name !== iam.domain) {
      return json(401, { error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } });
    }
    if (project !== projectId)
      return json(400, { error: { code: 400, message: 'project scope invalid', title: 'Bad Request' } });
    counters.logins++;
    const token = `MII${randomBytes(48).toString('base64url')}`;
    const expiresAt = now() + (opts.tokenLifetimeMs ?? 86_400_000);
    issued.set(token, { project, expiresAt });
    const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '000Z');
    return json(
      201,
      {
        token: {
          expires_at: iso(expiresAt),
          issued_at: iso(now()),
          methods: ['password'],
          project: { id: projectId, name: 'ap-southeast-3' },
        },
      },
      { 'X-Subject-Token': token },
    );
  };

  const authorised = (req: SimRequest): SimReply | undefined => {
    const token = req.headers['x-auth-token'];
    if (typeof token === 'string') {
      const t = issued.get(token);
      if (staticTokens.has(token) || (t && t.project === projectId && t.expiresAt > now())) return undefined;
      counters.rejected++;
      return vendorError(401, 'APIGW.0307', 'The token must be updated.');
    }
    if (req.headers.authorization) {
      const r = verifySignature(req, aksk, now());
      if (r.ok) return undefined;
      counters.rejected++;
      return vendorError(401, r.code, r.msg);
    }
    counters.rejected++;
    return vendorError(401, 'APIGW.0301', 'Incorrect IAM authentication information: no credentials');
  };

  const cloud = (req: SimRequest, parts: string[]): SimReply | undefined => {
    const [pid, coll, id, logs, exp, exportId, content] = parts;
    if (pid !== projectId || coll !== 'physicalservers') return undefined;
    if (id === undefined) return req.method === 'GET' ? listPage(req) : undefined;
    const server = byId.get(id);
    if (!server) return vendorError(404, 'CLOUDDC.0404', `server ${id} not found`);
    if (logs === undefined) return req.method === 'GET' ? json(200, { server }) : undefined;
    if (logs !== 'logs' || exp !== 'exports') return undefined;
    if (exportId === undefined) return req.method === 'POST' ? create(server) : undefined;
    const e = exports.get(`${id}/${exportId}`);
    if (!e) return vendorError(404, 'CLOUDDC.0405', `export ${exportId} not found`);
    if (content === undefined) {
      counters.polls++;
      if (exportStatus(e) === 'Running') e.polls++;
      return json(200, describe(e));
    }
    if (content !== 'content') return undefined;
    if (exportStatus(e) !== 'completed') return vendorError(400, 'CLOUDDC.0406', 'log export is not completed');
    counters.downloads++;
    return {
      status: 200,
      body: archiveBytes(id, exportId),
      headers: {
        'content-type': 'application/octet-stream;charset=UTF-8',
        'content-transfer-encoding': 'binary',
        'content-disposition': `attachment; filename=${server.hardware_attributes.sn}-dump.tar.gz`,
      },
    };
  };

  const listPage = (req: SimRequest): SimReply => {
    const asked = Number(req.query.get('limit') ?? 10);
    const limit = Math.min(opts.maxLimit ?? 1000, Math.max(10, Number.isFinite(asked) ? asked : 10));
    const marker = req.query.get('marker');
    const start = marker ? listed.findIndex((s) => s.id === marker) + 1 : 0;
    if (marker && start === 0) return vendorError(400, 'CLOUDDC.0400', 'invalid marker');
    const page = listed.slice(start, start + limit);
    const last = page[page.length - 1];
    const more = start + limit < listed.length;
    const pageInfo = {
      current_count: page.length,
      ...(more && last ? { next_marker: last.id } : {}),
      ...(marker ? { previous_marker: marker } : {}),
    };
    return json(200, { servers: page, page_info: pageInfo, count: listed.length });
  };

  const create = (server: SimServer): SimReply => {
    counters.creates++;
    const n = (nextId.get(server.id) ?? 0) + 1;
    nextId.set(server.id, n);
    const index = servers.indexOf(server);
    const e: SimExport = {
      serverId: server.id,
      exportId: String(n),
      createdAt: new Date(now()).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
      polls: 0,
      fails: failing.has(server.id),
      percentStyle: (['percent', 'number', 'string'] as const)[index % 3] ?? 'percent',
    };
    exports.set(`${server.id}/${e.exportId}`, e);
    return json(202, describe(e));
  };

  const describe = (e: SimExport) => ({
    export_id: e.exportId,
    status: exportStatus(e),
    percentage: formatPercent(e),
    created_at: e.createdAt,
  });

  const handler = (req: SimRequest): SimReply | undefined => {
    if (req.path === '/v3/auth/tokens' && req.method === 'POST') return login(req);
    const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'v1') return undefined;
    cloudRequests++;
    if (opts.throttleEvery && cloudRequests % opts.throttleEvery === 0) {
      counters.throttled++;
      return json(
        429,
        {
          error_code: 'APIG.0308',
          error_msg: 'The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second',
        },
        { 'Retry-After': '0' },
      );
    }
    return authorised(req) ?? cloud(req, parts.slice(1));
  };

  let requestNo = 0;
  const sim = await startSimulator({
    tls: opts.tls,
    latencyMs: opts.latencyMs,
    port: opts.port,
    handler: (req) => {
      const reply =
        handler(req) ??
        vendorError(404, 'APIGW.0101', `The API does not exist or has not been published: ${req.method} ${req.path}`);
      // The Date header tells the simulated server's clock (clients compare it to theirs for AK/SK skew).
      const headers = {
        ...reply.headers,
        'X-Request-Id': `req-${(++requestNo).toString(16).padStart(8, '0')}`,
        Date: new Date(now()).toUTCString(),
      };
      return { ...reply, headers };
    },
  });
  return Object.assign(sim, {
    projectId,
    servers,
    exports,
    counters,
    failing,
    credentials: { tokens: [...staticTokens], iam, aksk },
    expireTokens: () => {
      for (const t of issued.values()) t.expiresAt = 0;
    },
    forgetExports: () => exports.clear(),
  });
}

/** The body as loosely typed JSON (the login handler probes nested fields), or undefined. */
function safeJson(req: SimRequest): any {
  try {
    return req.json();
  } catch {
    return undefined;
  }
}
