// What one CloudDC simulator knows: its servers and exports, the credentials it accepts, the IAM tokens it
// issued and its counters; and the reply shapes every route uses.
import type { SimReply } from '../common';
import type { AkSk } from './auth';
import {
  DEFAULT_SCALE,
  generateServers,
  type HuaweiScale,
  oddServers,
  shuffled,
  type SimExport,
  type SimServer,
} from './data';
import type { ContentPace } from './pace';

/** A server that ignores paging: the first page again with a fresh marker, or always the same next marker. */
export type PagingMode = 'repeat-first' | 'stuck-marker';

export interface IamUser {
  domain: string;
  username: string;
  password: string;
}

/** What the simulated estate is and how it answers (the server adds transport and version). */
export interface WorldOptions {
  scale?: Partial<HuaweiScale>;
  now?: () => number;
  projectId?: string;
  /** Accepted static X-Auth-Token values. */
  tokens?: string[];
  iam?: IamUser;
  /** Access key pair accepted for AK/SK signing. */
  aksk?: AkSk;
  /** IAM token lifetime (the real one is 24 h). */
  tokenLifetimeMs?: number;
  /** IAM's answer to wrong credentials (default 401 with a nested `error`). */
  iamRejection?: IamRejection;
  /** Server-side cap on `limit` (the API's is 1000); lower it to force several pages. */
  maxLimit?: number;
  /** Seed of the list order only (default: the data seed), to show results do not depend on it. */
  orderSeed?: number;
  /** Archives are sent in chunks at this pace (a slow link), or stall part-way. */
  contentPace?: ContentPace;
  /** Four more servers with the ids `..`, `.`, `a/b` and `%2e%2e` (hostile in a URL path). */
  oddIds?: boolean;
  /** A server that ignores paging (see PagingMode). */
  paging?: PagingMode;
  /** ShowServer wraps the server as `{server: …}`. */
  showWrapped?: boolean;
}

/** How IAM refuses wrong credentials: the sources do not document it (401 is what Huawei-derived clouds send). */
export interface IamRejection {
  status: number;
  body: unknown;
}

const IAM_REJECTION: IamRejection = {
  status: 401,
  body: { error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } },
};

export interface Counters {
  logins: number;
  creates: number;
  polls: number;
  downloads: number;
  throttled: number;
  rejected: number;
}

export interface World {
  now: () => number;
  projectId: string;
  servers: SimServer[];
  /** The servers in the API's list order (neither by id nor by name). */
  listed: SimServer[];
  byId: Map<string, SimServer>;
  staticTokens: Set<string>;
  iam: IamUser;
  aksk: AkSk;
  tokenLifetimeMs: number;
  iamRejection: IamRejection;
  maxLimit: number;
  contentPace?: ContentPace;
  paging?: PagingMode;
  /** Markers handed out by `repeat-first` paging. */
  markers: number;
  showWrapped: boolean;
  /** IAM tokens issued so far. */
  issued: Map<string, { project: string; expiresAt: number }>;
  /** Exports by `${serverId}/${exportId}`. */
  exports: Map<string, SimExport>;
  /** The last export id per server (ids are counters per server). */
  nextId: Map<string, number>;
  /** Servers whose exports end in `failed`. */
  failing: Set<string>;
  counters: Counters;
}

export function createWorld(opts: WorldOptions): World {
  const now = opts.now ?? Date.now;
  const projectId = opts.projectId ?? 'proj1';
  const scale = { ...DEFAULT_SCALE, ...opts.scale };
  const servers = generateServers(projectId, scale, now());
  if (opts.oddIds && servers[0]) for (const s of oddServers(servers[0])) servers.push(s);
  return {
    now,
    projectId,
    servers,
    listed: shuffled(servers, opts.orderSeed ?? scale.seed),
    byId: new Map(servers.map((s) => [s.id, s])),
    staticTokens: new Set(opts.tokens ?? ['secret-token']),
    iam: opts.iam ?? { domain: 'acme', username: 'monitor', password: 'secret-iam' },
    aksk: opts.aksk ?? { accessKey: 'AKDEMO0000000000', secretKey: 'secret-sk' },
    tokenLifetimeMs: opts.tokenLifetimeMs ?? 86_400_000,
    iamRejection: opts.iamRejection ?? IAM_REJECTION,
    maxLimit: opts.maxLimit ?? 1000,
    ...(opts.contentPace ? { contentPace: opts.contentPace } : {}),
    ...(opts.paging ? { paging: opts.paging } : {}),
    markers: 0,
    showWrapped: opts.showWrapped ?? false,
    issued: new Map(),
    exports: new Map(),
    nextId: new Map(),
    failing: new Set(servers[5] ? [servers[5].id] : []),
    counters: { logins: 0, creates: 0, polls: 0, downloads: 0, throttled: 0, rejected: 0 },
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SimReply {
  return { status, json: body, headers };
}

/** The API gateway's and CloudDC's error body. */
export function vendorError(status: number, code: string, msg: string): SimReply {
  return json(status, { error_code: code, error_msg: msg });
}
