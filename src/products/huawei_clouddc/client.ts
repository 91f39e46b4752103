// CloudDC (iMetal physical servers) API client: server inventory with marker paging, and the log-export API
// (create, status, content). Decodes the vendor's shapes defensively; knows nothing about metrics.
import type { Logger } from 'pino';
import { decodeError } from '../../common/errors';
import type { HttpClient, HttpResponse, RequestOptions } from '../../http/types';
import type { Authorizer } from './auth';
import { statusError } from './errors';
import { parsePercentage, parseTime } from './parse';

export interface PhysicalServer {
  id: string;
  name?: string;
  healthState?: string;
  powerState?: string;
}

export interface ExportInfo {
  exportId: string;
  status?: string;
  /** 0..1 */
  progress?: number;
  /** Unix seconds. */
  createdAt?: number;
}

/** Error statuses read here (for the body and X-Request-Id) instead of thrown bare; 429/503 stay with the retry layer. */
const READ_ERRORS = [400, 401, 403, 404, 405, 409, 500, 501, 502, 504];
/** Page size asked for; the API clamps to 10..1000. */
const PAGE_LIMIT = 1000;
const MAX_PAGES = 10_000;

export class CloudDcClient {
  constructor(
    private readonly projectId: string,
    private readonly auth: Authorizer,
    private readonly log: Logger,
  ) {}

  /** Every physical server of the project, following page_info.next_marker to the end. */
  async listServers(http: HttpClient): Promise<PhysicalServer[]> {
    const servers: PhysicalServer[] = [];
    const seen = new Set<string>();
    let marker: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const path = `${this.base()}/physicalservers`;
      const body = (await this.call(http, { path, query: { limit: PAGE_LIMIT, marker } }, [200])).json<unknown>();
      const { items, next } = decodePage(body, path);
      for (const s of items) servers.push(s);
      if (next === undefined || items.length === 0) return servers;
      // A marker that comes back again would loop forever.
      if (seen.has(next)) throw decodeError(`page_info.next_marker ${JSON.stringify(next)} repeats`, path);
      seen.add(next);
      marker = next;
    }
    throw decodeError(`more than ${MAX_PAGES} pages`, `${this.base()}/physicalservers`);
  }

  /** One server by id; undefined when the API does not know it (404). */
  async showServer(http: HttpClient, id: string): Promise<PhysicalServer | undefined> {
    const path = `${this.base()}/physicalservers/${enc(id)}`;
    const res = await this.call(http, { path }, [200, 404]);
    if (res.status === 404) return undefined;
    const body = res.json<unknown>();
    const raw = isObject(body) && isObject(body.server) ? body.server : body;
    const server = decodeServer(raw);
    if (!server) throw decodeError('server without an id', path);
    return server;
  }

  async createExport(http: HttpClient, serverId: string): Promise<ExportInfo> {
    const path = `${this.exportsPath(serverId)}`;
    const res = await this.call(http, { method: 'POST', path, json: {} }, [200, 201, 202]);
    const info = decodeExport(res.json<unknown>());
    if (!info) throw decodeError('export response without export_id', path);
    return info;
  }

  /** The export's status, or `lost` when the API answers 404 (expired or never known). */
  async getExport(http: HttpClient, serverId: string, exportId: string): Promise<ExportInfo | 'lost'> {
    const path = `${this.exportsPath(serverId)}/${enc(exportId)}`;
    const res = await this.call(http, { path }, [200, 404]);
    if (res.status === 404) return 'lost';
    return decodeExport(res.json<unknown>()) ?? { exportId, ...decodeExportFields(res.json<unknown>()) };
  }

  /** Streams the archive to `file`. */
  download(
    http: HttpClient,
    serverId: string,
    exportId: string,
    file: string,
  ): Promise<{ bytes: number; sha256: string }> {
    const path = `${this.exportsPath(serverId)}/${enc(exportId)}/content`;
    return this.auth.download(http, { path, headers: { accept: 'application/octet-stream' } }, file);
  }

  private base(): string {
    return `/v1/${enc(this.projectId)}`;
  }
  private exportsPath(serverId: string): string {
    return `${this.base()}/physicalservers/${enc(serverId)}/logs/exports`;
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

function decodePage(body: unknown, path: string): { items: PhysicalServer[]; next?: string } {
  const list = Array.isArray(body) ? body : isObject(body) ? body.servers : undefined;
  if (!Array.isArray(list)) throw decodeError('expected {servers: [...]}', path);
  const items = list.map(decodeServer).filter((s): s is PhysicalServer => s !== undefined);
  const info = isObject(body) && isObject(body.page_info) ? body.page_info : undefined;
  const next = str(info?.next_marker);
  return next ? { items, next } : { items };
}

function decodeServer(raw: unknown): PhysicalServer | undefined {
  if (!isObject(raw)) return undefined;
  const id = str(raw.id);
  if (!id) return undefined;
  const s: PhysicalServer = { id };
  const name = str(raw.name);
  if (name) s.name = name;
  const health = str(raw.health_state);
  if (health) s.healthState = health;
  const power = str(raw.power_state);
  if (power) s.powerState = power;
  return s;
}

function decodeExport(raw: unknown): ExportInfo | undefined {
  if (!isObject(raw)) return undefined;
  const exportId = str(raw.export_id);
  return exportId ? { exportId, ...decodeExportFields(raw) } : undefined;
}

function decodeExportFields(raw: unknown): Omit<ExportInfo, 'exportId'> {
  const out: Omit<ExportInfo, 'exportId'> = {};
  if (!isObject(raw)) return out;
  const status = str(raw.status);
  if (status) out.status = status;
  const progress = parsePercentage(raw.percentage);
  if (progress !== undefined) out.progress = progress;
  const created = parseTime(raw.created_at);
  if (created !== undefined) out.createdAt = created;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Strings, and numbers as strings (ids are sometimes numeric). */
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
