// The VB365 REST client of one collection: bearer calls with one re-login on 401, paging, and the endpoints
// the exporter reads, per API version. No metric knowledge here.
import { decodeError, isNotFound } from '../../common/errors';
import { PageGuard } from '../../common/paging';
import type { TokenManager } from '../../http/token';
import type { HttpClient, Query } from '../../http/types';
import { segment } from '../../http/path';
import {
  classifyLogItem,
  decodeJob,
  decodeOrg,
  decodePage,
  decodeServiceVersion,
  decodeSession,
  type JobKind,
  type Vb365Job,
  type Vb365Org,
  type Vb365Session,
} from './decode';

/** Large pages (the documented maximum since v5) keep the number of round trips low. */
export const PAGE_LIMIT = 10_000;

export interface EntryCounts {
  warnings: number;
  errors: number;
}

export class Vb365Client {
  private orgs?: Promise<Vb365Org[]>;

  constructor(
    private readonly http: HttpClient,
    readonly version: number,
    private readonly tokens: TokenManager,
  ) {}

  private get v(): string {
    return `/v${this.version}`;
  }

  async getJson(path: string, query?: Query): Promise<unknown> {
    return this.tokens.withToken(this.http, async (token) => {
      const res = await this.http.request({ path, query, headers: { authorization: `Bearer ${token.value}` } });
      return res.json();
    });
  }

  /**
   * Every item of a list, one page at a time: a bare array is the whole list; a page is followed while it says
   * `_links.next` or is full. Offsets are computed here (hrefs were absolute before v6 and relative after).
   */
  async forEachPage(path: string, query: Query, onPage: (items: unknown[]) => void): Promise<void> {
    const guard = new PageGuard(path);
    for (let offset = 0; ; ) {
      const page = decodePage(await this.getJson(path, { ...query, offset, limit: PAGE_LIMIT }), path);
      guard.page(page.items);
      onPage(page.items);
      const limit = page.limit ?? PAGE_LIMIT;
      if (!page.isPage || page.items.length === 0 || (!page.hasNext && page.items.length < limit)) return;
      offset += page.items.length;
    }
  }

  /** Every item of a list, decoded; items that do not decode are skipped. */
  async list<T>(path: string, query: Query, decode: (item: unknown) => T | undefined): Promise<T[]> {
    const out: T[] = [];
    await this.forEachPage(path, query, (items) => {
      for (const item of items) {
        const v = decode(item);
        if (v !== undefined) out.push(v);
      }
    });
    return out;
  }

  /** The build number; undefined when the server has no `/ServiceInstance` (404: a version may lack it). */
  async serverVersion(): Promise<string | undefined> {
    return absentOn404(async () => decodeServiceVersion(await this.getJson(`${this.v}/ServiceInstance`)), undefined);
  }

  /** Backup jobs, and (v6+, unless `copy` is false) backup copy jobs, a separate collection. */
  async jobs(copy = true): Promise<Vb365Job[]> {
    const backup = await this.jobList(`${this.v}/Jobs`, 'Backup');
    // A server without `/CopyJobs` (404) has no copy jobs.
    const copies =
      this.version >= 6 && copy ? await absentOn404(() => this.jobList(`${this.v}/CopyJobs`, 'Copy'), []) : [];
    return [...backup, ...copies];
  }

  private jobList(path: string, kind: JobKind): Promise<Vb365Job[]> {
    return this.list(path, {}, (i) => decodeJob(i, kind));
  }

  /** Listed once per collection: the inventory and the collectors that name tenants share one request. */
  async organizations(): Promise<Vb365Org[]> {
    this.orgs ??= this.list(`${this.v}/Organizations`, {}, decodeOrg);
    return [...(await this.orgs)];
  }

  /** v3–v7: the backup jobs of one organization (how a job's tenant is known before v8). */
  async organizationJobIds(orgId: string): Promise<string[]> {
    const jobs = await this.jobList(`${this.v}/Organizations/${segment(orgId)}/Jobs`, 'Backup');
    return jobs.map((j) => j.id);
  }

  /**
   * Every session of one backup job: `/Jobs/{id}/JobSessions` up to v6, `/JobSessions?jobId=` from v7 (both
   * documented for backup jobs only). The items are placed by the caller.
   */
  jobSessions(jobId: string): Promise<Vb365Session[]> {
    const decode = (i: unknown) => decodeSession(i);
    if (this.version <= 6) return this.list(`${this.v}/Jobs/${segment(jobId)}/JobSessions`, {}, decode);
    return this.list(`${this.v}/JobSessions`, { jobId }, decode);
  }

  /**
   * The global session list (v6+), filtered by `query`, one page at a time (a page's sessions are placed before
   * the next is read); `kind` is the `jobType` it asks for, if any.
   */
  eachSessionPage(query: Query, kind: JobKind | undefined, onPage: (sessions: Vb365Session[]) => void): Promise<void> {
    return this.forEachPage(`${this.v}/JobSessions`, query, (items) => onPage(decodeSessions(items, kind)));
  }

  /** One session (v6+), or undefined when the server no longer has it (404). */
  session(id: string): Promise<Vb365Session | undefined> {
    return absentOn404(async () => {
      const path = `${this.v}/JobSessions/${segment(id)}`;
      const s = decodeSession(await this.getJson(path));
      if (s === undefined) throw decodeError(`expected a job session from ${path}`, path);
      return s;
    }, undefined);
  }

  /** Warning and error entries over every page of a session's log. */
  async logCounts(sessionId: string): Promise<EntryCounts> {
    const counts: EntryCounts = { warnings: 0, errors: 0 };
    await this.forEachPage(`${this.v}/JobSessions/${segment(sessionId)}/LogItems`, {}, (items) => {
      for (const item of items) {
        const c = classifyLogItem(item);
        if (c === 'warning') counts.warnings++;
        else if (c === 'error') counts.errors++;
      }
    });
    return counts;
  }
}

/** `fn`'s value, or `absent` when the endpoint answers 404 (contract section 2: a version may lack it). */
async function absentOn404<T>(fn: () => Promise<T>, absent: T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isNotFound(err)) return absent;
    throw err;
  }
}

/** A page's sessions; a function of the module (its loop is hot), not a closure made per listing. */
function decodeSessions(items: readonly unknown[], kind: JobKind | undefined): Vb365Session[] {
  const page: Vb365Session[] = [];
  for (const item of items) {
    const s = decodeSession(item, kind);
    if (s !== undefined) page.push(s);
  }
  return page;
}
