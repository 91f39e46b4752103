// The VB365 REST client of one collection: bearer calls with one re-login on 401, paging, and the endpoints
// the exporter reads, per API version. No metric knowledge here.
import { decodeError } from '../../core/errors';
import type { TokenManager } from '../../http/token';
import type { HttpClient, Query } from '../../http/types';
import {
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
import { classifyLogItem } from './parse';

/** Large pages (the documented maximum since v5) keep the number of round trips low. */
export const PAGE_LIMIT = 10_000;
/** A server that never stops paging is a broken server, not an endless loop. */
const MAX_PAGES = 10_000;

export interface EntryCounts {
  warnings: number;
  errors: number;
}

export class Vb365Client {
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
   * Every item of a list: a bare array is the whole list; a page is followed while it says `_links.next` or is
   * full. Offsets are computed here (hrefs were absolute before v6 and relative after: not trusted).
   */
  async forEachItem(path: string, query: Query, onPage: (items: unknown[]) => void): Promise<void> {
    let offset = 0;
    for (let n = 0; n < MAX_PAGES; n++) {
      const page = decodePage(await this.getJson(path, { ...query, offset, limit: PAGE_LIMIT }), path);
      onPage(page.items);
      const limit = page.limit ?? PAGE_LIMIT;
      if (!page.isPage || page.items.length === 0 || (!page.hasNext && page.items.length < limit)) return;
      offset += page.items.length;
    }
    throw decodeError(`${path} did not stop paging after ${MAX_PAGES} pages`, path);
  }

  async list(path: string, query: Query = {}): Promise<unknown[]> {
    const out: unknown[] = [];
    await this.forEachItem(path, query, (items) => {
      out.push(...items);
    });
    return out;
  }

  async serverVersion(): Promise<string | undefined> {
    return decodeServiceVersion(await this.getJson(`${this.v}/ServiceInstance`));
  }

  async jobs(): Promise<Vb365Job[]> {
    const backup = this.decodeJobs(await this.list(`${this.v}/Jobs`), 'Backup');
    // Backup copy jobs are a separate collection since v6.
    const copy = this.version >= 6 ? this.decodeJobs(await this.list(`${this.v}/CopyJobs`), 'Copy') : [];
    return [...backup, ...copy];
  }

  private decodeJobs(items: unknown[], kind: JobKind): Vb365Job[] {
    return items.map((i) => decodeJob(i, kind)).filter((j): j is Vb365Job => j !== undefined);
  }

  async organizations(): Promise<Vb365Org[]> {
    return (await this.list(`${this.v}/Organizations`)).map(decodeOrg).filter((o): o is Vb365Org => o !== undefined);
  }

  /** v3–v7: the backup jobs of one organization (how a job's tenant is known before v8). */
  async organizationJobIds(orgId: string): Promise<string[]> {
    const items = await this.list(`${this.v}/Organizations/${encodeURIComponent(orgId)}/Jobs`);
    return this.decodeJobs(items, 'Backup').map((j) => j.id);
  }

  /** v3–v6: `/Jobs/{id}/JobSessions`; v7+: `/JobSessions?jobId=`. Every session of the job. */
  async jobSessions(jobId: string): Promise<Vb365Session[]> {
    const items =
      this.version <= 6
        ? await this.list(`${this.v}/Jobs/${encodeURIComponent(jobId)}/JobSessions`)
        : await this.list(`${this.v}/JobSessions`, { jobId });
    return decodeSessions(items, jobId);
  }

  /** The global session list (v6+), optionally filtered; sessions name their job (v8) or link it. */
  async sessions(query: Query): Promise<Vb365Session[]> {
    return decodeSessions(await this.list(`${this.v}/JobSessions`, query));
  }

  /** Warning and error entries over every page of a session's log. */
  async logCounts(sessionId: string): Promise<EntryCounts> {
    const counts: EntryCounts = { warnings: 0, errors: 0 };
    await this.forEachItem(`${this.v}/JobSessions/${encodeURIComponent(sessionId)}/LogItems`, {}, (items) => {
      for (const item of items) {
        if (typeof item !== 'object' || item === null) continue;
        const c = classifyLogItem(item as Record<string, unknown>);
        if (c === 'warning') counts.warnings++;
        else if (c === 'error') counts.errors++;
      }
    });
    return counts;
  }
}

function decodeSessions(items: unknown[], jobId?: string): Vb365Session[] {
  return items.map((i) => decodeSession(i, jobId)).filter((s): s is Vb365Session => s !== undefined);
}
