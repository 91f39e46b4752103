// The Veeam Backup for Microsoft Azure REST client of one collection: versioned paths, Offset/Limit paging,
// and the decoding of policies, sessions and session logs. No metric knowledge here.

import { decodeError, UpstreamError } from '../../common/errors';
import type { HttpClient, HttpResponse, Query } from '../../http/types';
import {
  decodeAbout,
  decodeLogCounts,
  decodePage,
  decodePolicy,
  decodeSession,
  isObj,
  type AzurePolicy,
  type AzureSession,
  type LogCounts,
} from './decode';
import { formatUtc } from './parse';

/** Runs `fn` with a bearer token, logging in again once when the appliance answers 401. */
export type Authorized = <T>(http: HttpClient, fn: (bearer: string) => Promise<T>) => Promise<T>;

/** Versions the appliance may serve, newest first: the order of detection. */
export const API_VERSIONS = ['v8.1', 'v8', 'v7', 'v6', 'v5', 'v4', 'v3', 'v2', 'v1'] as const;

export interface PolicyFamily {
  /** job_type of its policies. */
  type: string;
  /** Tried in order; the first that is not 404 lists the family. */
  paths: readonly string[];
  /** `/policy/vnet` answers one policy object, not a page. */
  single?: boolean;
}

// From the v8.1 OpenAPI document and the versioning notes: VM policies are `/policies` in v1–v2 and
// `/policies/virtualMachines` later; SQL came in v3, file shares, VNet, Cosmos DB and SLA-based VM
// policies in later releases. A version without a family answers 404 and the family is skipped.
export const POLICY_FAMILIES: readonly PolicyFamily[] = [
  { type: 'VirtualMachines', paths: ['/policies/virtualMachines', '/policies'] },
  { type: 'AzureSql', paths: ['/policies/sql'] },
  { type: 'FileShares', paths: ['/policies/fileShares'] },
  { type: 'CosmosDb', paths: ['/policies/cosmosDb'] },
  { type: 'Vnet', paths: ['/policy/vnet'], single: true },
  { type: 'ProtectionVmPolicy', paths: ['/policy/slaBased/virtualMachines'] },
];

const POLICY_PAGE = 200;
/** Sessions are many and small: ask for large pages so a week of history takes few round trips. */
const SESSION_PAGE = 1000;
/** A server that ignores Offset would otherwise be paged forever. */
const MAX_PAGES = 2000;

export class AzureApi {
  constructor(
    private readonly http: HttpClient,
    private readonly auth: Authorized,
    readonly version: string,
  ) {}

  private get(path: string, query?: Query): Promise<HttpResponse> {
    return this.auth(this.http, (bearer) =>
      this.http.request({
        path: `/api/${this.version}${path}`,
        query,
        headers: { authorization: `Bearer ${bearer}` },
        accept: [404],
      }),
    );
  }

  /** `system/about` serverVersion; undefined when this version is not served (404). */
  async about(): Promise<{ serverVersion?: string } | undefined> {
    const res = await this.get('/system/about');
    if (res.status === 404) return undefined;
    const serverVersion = decodeAbout(res.json());
    return serverVersion === undefined ? {} : { serverVersion };
  }

  /** Every policy of a family; undefined when the version lacks the family (404 on each of its paths). */
  async policies(family: PolicyFamily): Promise<AzurePolicy[] | undefined> {
    for (const path of family.paths) {
      const raw = family.single ? await this.one(path) : await this.all(path, {}, POLICY_PAGE);
      if (raw === undefined) continue;
      return raw.flatMap((r) => decodePolicy(r, family.type) ?? []);
    }
    return undefined;
  }

  /** Sessions started since `fromMs`, every page. A 404 throws: every version serves `jobSessions`. */
  async sessions(fromMs: number): Promise<AzureSession[]> {
    const raw = await this.all('/jobSessions', { FromUtc: formatUtc(fromMs) }, SESSION_PAGE);
    if (raw === undefined) throw notServed(this.version, '/jobSessions');
    // A session started while the pages were read shifts the list: the same session may come twice.
    const byId = new Map<string, AzureSession>();
    for (const r of raw) {
      const s = decodeSession(r);
      if (s) byId.set(s.id, s);
    }
    return [...byId.values()];
  }

  /** Warning and error items of a session's log (not paged: `JobSessionLog` is one object); undefined on 404. */
  async logCounts(sessionId: string): Promise<LogCounts | undefined> {
    const path = `/jobSessions/${encodeURIComponent(sessionId)}/log`;
    const res = await this.get(path);
    if (res.status === 404) return undefined;
    return decodeLogCounts(res.json(), path);
  }

  private async one(path: string): Promise<unknown[] | undefined> {
    const res = await this.get(path);
    if (res.status === 404) return undefined;
    const body = res.json();
    // An appliance without a VNet policy answers an object without id; decodePolicy skips it.
    if (!isObj(body)) throw decodeError('expected a policy object', path);
    return [body];
  }

  private async all(path: string, query: Query, limit: number): Promise<unknown[] | undefined> {
    const out: unknown[] = [];
    let offset = 0;
    for (let n = 0; n < MAX_PAGES; n++) {
      const res = await this.get(path, { ...query, Offset: offset, Limit: limit });
      if (res.status === 404) {
        if (n === 0) return undefined;
        throw notServed(this.version, path);
      }
      const page = decodePage(res.json(), path);
      out.push(...page.results);
      offset += page.results.length;
      if (page.complete || page.results.length === 0) return out;
      // totalCount decides when present; without it, a short page and no `next` link end the list (the
      // server may cap Limit below what was asked, so a short page alone is not the end).
      const done =
        page.totalCount !== undefined ? offset >= page.totalCount : !page.hasNext && page.results.length < limit;
      if (done) return out;
    }
    throw decodeError(`more than ${MAX_PAGES} pages: the server seems to ignore Offset`, path);
  }
}

function notServed(version: string, path: string): UpstreamError {
  return new UpstreamError('http', `API ${version} answered 404 for ${path}`, {
    status: 404,
    path: `/api/${version}${path}`,
  });
}

/** True for the error a versioned call gives when the appliance no longer serves the version. */
export function isNotFound(err: unknown): boolean {
  return err instanceof UpstreamError && err.details.status === 404;
}

export type { AzurePolicy, AzureSession, LogCounts };
