// The CloudDC (iMetal physical servers) client: requests with the target's credentials, the server inventory
// with marker paging, and the log-export API (create, status, content). No metric knowledge here.
import type { Logger } from 'pino';
import { decodeError, UpstreamError } from '../../common/errors';
import { PageGuard } from '../../common/paging';
import { segment } from '../../http/path';
import type { DownloadOptions, HttpClient, HttpResponse, RequestOptions } from '../../http/types';
import { API_VERSION } from './config';
import {
  decodeExport,
  decodeServerPage,
  decodeShownServer,
  decodeVendorError,
  type ExportInfo,
  type PhysicalServer,
  type VendorError,
} from './decode';

/** Sends one request with the target's credentials (auth.ts); `send` returns every status the caller accepts. */
export interface Authorizer {
  send(http: HttpClient, opts: RequestOptions): Promise<HttpResponse>;
  download(
    http: HttpClient,
    opts: RequestOptions,
    file: string,
    options?: DownloadOptions,
  ): Promise<{ bytes: number; sha256: string }>;
  /** Called with a 401 response, for a clear message (clock skew with AK/SK). */
  explain401?(res: HttpResponse): string | undefined;
  clear(): void;
}

/** Error statuses read here (for the body and X-Request-Id) instead of thrown bare; 429/503 stay with the retry layer. */
const READ_ERRORS = [400, 401, 403, 404, 405, 409, 500, 501, 502, 504];
/** Page size asked for; the API clamps to 10..1000. */
const PAGE_LIMIT = 1000;

export class CloudDcClient {
  constructor(
    private readonly projectId: string,
    private readonly auth: Authorizer,
    private readonly log: Logger,
  ) {}

  /**
   * Every physical server of the project, following page_info.next_marker to the end. A server that ignores
   * the marker never ends its list: a repeated page (PageGuard), a next_marker already followed, or more
   * servers than any estate has, is a decode error naming the endpoint.
   */
  async listServers(http: HttpClient): Promise<PhysicalServer[]> {
    const path = `${this.base()}/physicalservers`;
    const guard = new PageGuard(path);
    const followed = new Set<string>();
    const servers: PhysicalServer[] = [];
    for (let marker: string | undefined; ; ) {
      const res = await this.call(http, { path, query: { limit: PAGE_LIMIT, marker } }, [200]);
      const page = decodeServerPage(res.json(), path);
      guard.page(page.raw);
      for (const s of page.servers) servers.push(s);
      if (page.next === undefined || page.raw.length === 0) return servers;
      if (followed.has(page.next)) {
        throw decodeError(`${path}: page_info.next_marker repeats an earlier marker (the server ignores paging)`, path);
      }
      followed.add(page.next);
      marker = page.next;
    }
  }

  /** One server by id; undefined when the API does not know it (404). */
  async showServer(http: HttpClient, id: string): Promise<PhysicalServer | undefined> {
    const path = `${this.base()}/physicalservers/${segment(id)}`;
    const res = await this.call(http, { path }, [200, 404]);
    return res.status === 404 ? undefined : decodeShownServer(res.json(), path);
  }

  async createExport(http: HttpClient, serverId: string): Promise<ExportInfo> {
    const path = this.exportsPath(serverId);
    const res = await this.call(http, { method: 'POST', path, json: {} }, [200, 201, 202]);
    const info = decodeExport(res.json());
    if (!info) throw decodeError('export response without export_id', path);
    return info;
  }

  /** The export's status, or `lost` when the API answers 404 (expired or never known). */
  async getExport(http: HttpClient, serverId: string, exportId: string): Promise<ExportInfo | 'lost'> {
    const path = `${this.exportsPath(serverId)}/${segment(exportId)}`;
    const res = await this.call(http, { path }, [200, 404]);
    if (res.status === 404) return 'lost';
    return decodeExport(res.json(), exportId) ?? { exportId };
  }

  /** Streams the archive to `file`; `signal` stops it at once. */
  download(http: HttpClient, serverId: string, exportId: string, file: string, signal?: AbortSignal) {
    const path = `${this.exportsPath(serverId)}/${segment(exportId)}/content`;
    const opts = { path, headers: { accept: 'application/octet-stream' } };
    return this.auth.download(http, opts, file, signal ? { signal } : {});
  }

  private base(): string {
    return `/${API_VERSION}/${segment(this.projectId)}`;
  }

  private exportsPath(serverId: string): string {
    return `${this.base()}/physicalservers/${segment(serverId)}/logs/exports`;
  }

  /** Sends with credentials; any status outside `ok` becomes an UpstreamError carrying the vendor's error body. */
  private async call(http: HttpClient, opts: RequestOptions, ok: readonly number[]): Promise<HttpResponse> {
    const res = await this.auth.send(http, { ...opts, accept: [...ok, ...READ_ERRORS] });
    if (ok.includes(res.status)) return res;
    const method = opts.method ?? 'GET';
    const err = statusError(res, method, opts.path, res.status === 401 ? this.auth.explain401?.(res) : undefined);
    this.log.debug({ status: res.status, path: opts.path, err: err.message }, 'CloudDC request failed');
    throw err;
  }
}

/** Whether a vendor id can be one URL path segment (`.`, `..` and the empty id cannot). */
export function addressable(id: string): boolean {
  try {
    segment(id);
    return true;
  } catch {
    return false;
  }
}

/** What an error answer says, read from its body and X-Request-Id header. */
export function vendorErrorOf(res: HttpResponse): VendorError {
  return decodeVendorError(res.text(), res.headers['x-request-id']);
}

/** `code: message (X-Request-Id …)`, for logs and error messages. */
export function formatVendorError(e: VendorError): string {
  const main = [e.code, e.message].filter((x) => x !== undefined).join(': ');
  return `${main || 'no error body'}${e.requestId ? ` (X-Request-Id ${e.requestId})` : ''}`;
}

/** An unwanted status as an UpstreamError: 401/403 are `auth`, others `http`; `hint` explains a 401 further. */
export function statusError(res: HttpResponse, method: string, path: string, hint?: string): UpstreamError {
  const detail = formatVendorError(vendorErrorOf(res));
  const message = `${method} ${path}: HTTP ${res.status}: ${detail}${hint ? `; ${hint}` : ''}`;
  const kind = res.status === 401 || res.status === 403 ? 'auth' : 'http';
  return new UpstreamError(kind, message, { status: res.status, method, path });
}
