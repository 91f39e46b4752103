// The Veeam Backup for Microsoft Azure REST client of one collection: bearer calls with one re-login on 401,
// versioned paths, Offset/Limit paging through a PageGuard, and one method per endpoint returning decoded
// records. No metric knowledge here.
import { isObject } from '../../common/decode';
import { decodeError, UpstreamError } from '../../common/errors';
import { PageGuard } from '../../common/paging';
import { segment } from '../../http/path';
import type { TokenManager } from '../../http/token';
import type { HttpClient, HttpResponse, Query } from '../../http/types';
import { API_VERSIONS, type ApiVersion } from './config';
import {
  type AzureLicense,
  type AzureRepositories,
  decodeLicense,
  decodeRepositories,
  decodeStorageUsage,
  decodeWorkloads,
  type StorageUsage,
  type Workloads,
} from './decode-capacity';
import {
  type AzurePolicy,
  type AzureSession,
  decodeAbout,
  decodeLogCounts,
  decodePage,
  decodePolicy,
  decodeSession,
  type LogCounts,
} from './decode';

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

/** Policies and repositories are few: large pages. `Limit=-1` is never sent (the document does not define it). */
const LIST_PAGE = 200;
/** Sessions are many and small: ask for large pages so a week of history takes few round trips. */
const SESSION_PAGE = 1000;
/** Statuses of `system/about` that mean "this version is not served here: try the next lower one". */
const NOT_SERVED = [400, 403, 404] as const;

export class AzureApi {
  constructor(
    private readonly http: HttpClient,
    private readonly tokens: TokenManager,
    readonly version: ApiVersion,
  ) {}

  private get(path: string, query?: Query, accept: readonly number[] = [404]): Promise<HttpResponse> {
    return this.tokens.withToken(this.http, (token) =>
      this.http.request({
        path: `/api/${this.version}${path}`,
        query,
        headers: { authorization: `Bearer ${token.value}` },
        accept,
      }),
    );
  }

  /** `system/about` serverVersion (absent when not sent); undefined when it answered one of `absent`. */
  async about(absent: readonly number[] = [404]): Promise<{ serverVersion?: string } | undefined> {
    const res = await this.get('/system/about', undefined, absent);
    if (res.status !== 200) return undefined;
    const serverVersion = decodeAbout(res.json());
    return serverVersion === undefined ? {} : { serverVersion };
  }

  /** Every policy of a family; undefined when the version lacks the family (404 on each of its paths). */
  async policies(family: PolicyFamily): Promise<AzurePolicy[] | undefined> {
    for (const path of family.paths) {
      const raw = family.single ? await this.one(path) : await this.all(path, {}, LIST_PAGE);
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

  /** Warning and error items of a session's log (not paged: `JobSessionLog` is one object). */
  async logCounts(sessionId: string): Promise<LogCounts> {
    const path = `/jobSessions/${segment(sessionId)}/log`;
    const res = await this.get(path, undefined, []);
    return decodeLogCounts(res.json(), path);
  }

  /** Every repository; undefined when the version lacks `repositories` (404). */
  async repositories(): Promise<AzureRepositories | undefined> {
    const raw = await this.all('/repositories', {}, LIST_PAGE);
    return raw === undefined ? undefined : decodeRepositories(raw);
  }

  /** Bytes per storage tier; undefined when the version lacks `overview/storageUsage` (404). */
  storageUsage(): Promise<StorageUsage | undefined> {
    return this.report('/overview/storageUsage', decodeStorageUsage);
  }

  /** The installed licence; undefined when the version lacks `license` (404). */
  license(): Promise<AzureLicense | undefined> {
    return this.report('/license', decodeLicense);
  }

  /** Workloads protected during the past week (PeriodFlag is required); undefined when the version lacks it (404). */
  protectedWorkloads(): Promise<Workloads | undefined> {
    return this.report('/overview/protectedWorkloads', decodeWorkloads, { PeriodFlag: 'Week' });
  }

  /** A bare object of an endpoint a version may lack: undefined on 404. */
  private async report<T>(
    path: string,
    decode: (b: unknown, path: string) => T,
    query?: Query,
  ): Promise<T | undefined> {
    const res = await this.get(path, query);
    return res.status === 404 ? undefined : decode(res.json(), `/api/${this.version}${path}`);
  }

  private async one(path: string): Promise<unknown[] | undefined> {
    const res = await this.get(path);
    if (res.status === 404) return undefined;
    const body = res.json();
    // Appliances answer an object whether or not a VNet policy was set up (jobs.ts decides which is a job).
    if (!isObject(body)) throw decodeError('expected a policy object', path);
    return [body];
  }

  private async all(path: string, query: Query, limit: number): Promise<unknown[] | undefined> {
    const out: unknown[] = [];
    const guard = new PageGuard(`/api/${this.version}${path}`);
    for (let offset = 0, first = true; ; first = false) {
      const res = await this.get(path, { ...query, Offset: offset, Limit: limit });
      if (res.status === 404) {
        if (first) return undefined;
        throw notServed(this.version, path);
      }
      const page = decodePage(res.json(), path);
      guard.page(page.results);
      for (const r of page.results) out.push(r);
      offset += page.results.length;
      if (page.complete || page.results.length === 0) return out;
      // totalCount decides when present; without it, a short page and no `next` link end the list (the
      // server may cap Limit below what was asked, so a short page alone is not the end).
      const done =
        page.totalCount !== undefined ? offset >= page.totalCount : !page.hasNext && page.results.length < limit;
      if (done) return out;
    }
  }
}

/**
 * Contract section 2: after logging in, `GET /api/vN/system/about` for v8.1, v8, v7 … v1; the first 200 wins,
 * and 404, 400 and 403 mean "try the next lower version".
 */
export async function detectVersion(http: HttpClient, tokens: TokenManager): Promise<ApiVersion> {
  for (const version of API_VERSIONS) {
    if (await new AzureApi(http, tokens, version).about(NOT_SERVED)) return version;
  }
  throw new UpstreamError('http', `no API version (${API_VERSIONS.join(', ')}) answered GET system/about with 200`);
}

function notServed(version: string, path: string): UpstreamError {
  return new UpstreamError('http', `API ${version} answered 404 for ${path}`, {
    status: 404,
    path: `/api/${version}${path}`,
  });
}

/** Formats Unix milliseconds the way the API's `FromUtc` expects: `YYYY-MM-DDTHH:MM:SSZ`. */
export function formatUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
