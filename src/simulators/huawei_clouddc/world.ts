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

export interface WorldOptions {
  scale?: Partial<HuaweiScale>;
  now?: () => number;
  projectId?: string;
  tokens?: string[];
  iam?: IamUser;
  aksk?: AkSk;
  tokenLifetimeMs?: number;
  iamRejection?: IamRejection;
  maxLimit?: number;
  orderSeed?: number;
  contentPace?: ContentPace;
  oddIds?: boolean;
  paging?: PagingMode;
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
