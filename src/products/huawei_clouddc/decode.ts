// Decoders from CloudDC and IAM JSON to typed records: physical servers, log exports and the vendor's error
// bodies. Defensive: the vendor documents `percentage` as an integer on one page, as a string "0-100" on
// another and shows "30%" in its examples; ids arrive as strings or numbers. Nothing else here.
import { id as idOf, isObject, isoTime, number, text } from '../../common/decode';
import { decodeError } from '../../common/errors';

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

/** One page of `GET /v1/{project_id}/physicalservers`. */
export interface ServerPage {
  /** Every entry of the page as sent (for the paging guard). */
  raw: unknown[];
  servers: PhysicalServer[];
  /** `page_info.next_marker`: absent on the last page. */
  next?: string;
}

export function decodeServerPage(body: unknown, path: string): ServerPage {
  const raw = Array.isArray(body) ? body : isObject(body) ? body.servers : undefined;
  if (!Array.isArray(raw)) throw decodeError('expected {servers: [...]}', path);
  const servers = raw.map(decodeServer).filter((s): s is PhysicalServer => s !== undefined);
  const info = isObject(body) && isObject(body.page_info) ? body.page_info : undefined;
  const next = idOf(info?.next_marker);
  return next === undefined ? { raw, servers } : { raw, servers, next };
}

/** `GET …/physicalservers/{id}`: the server itself or wrapped in `{server: …}`. */
export function decodeShownServer(body: unknown, path: string): PhysicalServer {
  const server = decodeServer(isObject(body) && isObject(body.server) ? body.server : body);
  if (!server) throw decodeError('server without an id', path);
  return server;
}

export function decodeServer(raw: unknown): PhysicalServer | undefined {
  if (!isObject(raw)) return undefined;
  const id = idOf(raw.id);
  if (id === undefined) return undefined;
  const s: PhysicalServer = { id };
  const name = text(raw.name);
  if (name !== undefined) s.name = name;
  const health = text(raw.health_state);
  if (health !== undefined) s.healthState = health;
  const power = text(raw.power_state);
  if (power !== undefined) s.powerState = power;
  return s;
}

/** A status answer or the 202 of a start; `exportId` is the one asked for when the answer does not say. */
export function decodeExport(raw: unknown, exportId?: string): ExportInfo | undefined {
  const sent = isObject(raw) ? idOf(raw.export_id) : undefined;
  const known = sent ?? exportId;
  if (known === undefined) return undefined;
  const out: ExportInfo = { exportId: known };
  if (!isObject(raw)) return out;
  const status = text(raw.status);
  if (status !== undefined) out.status = status;
  const progress = percentage(raw.percentage);
  if (progress !== undefined) out.progress = progress;
  const created = isoTime(raw.created_at);
  if (created !== undefined) out.createdAt = created;
  return out;
}

/** `30`, `"30"`, `"30%"`, `" 30.5 % "` → 0.3 / 0.305; anything else (or outside 0..100) → undefined. */
export function percentage(value: unknown): number | undefined {
  const n = number(typeof value === 'string' ? value.replace(/%\s*$/, '') : value);
  return n === undefined || n < 0 || n > 100 ? undefined : n / 100;
}

/** What a vendor error answer says; the request id is what Huawei support asks for. */
export interface VendorError {
  code?: string;
  message?: string;
  requestId?: string;
}

/**
 * Huawei error bodies, read the way the official SDKs read them: `{error_code, error_msg}`, else
 * `{code, message}`, else a nested `{error: {code, message}}` (IAM); plus the X-Request-Id header. A body
 * that is none of these gives its first 200 characters as the message.
 */
export function decodeVendorError(bodyText: string, requestId?: string): VendorError {
  const out: VendorError = requestId ? { requestId } : {};
  const body = parseJson(bodyText);
  const found =
    pick(out, body, 'error_code', 'error_msg') ||
    pick(out, body, 'code', 'message') ||
    pick(out, isObject(body) ? body.error : undefined, 'code', 'message');
  if (!found) {
    const excerpt = bodyText.replace(/\s+/g, ' ').trim().slice(0, 200);
    if (excerpt) out.message = excerpt;
  }
  return out;
}

/** Copies a code and a message that are strings (IAM's numeric `"code": 401` says nothing the status does not). */
function pick(out: VendorError, o: unknown, code: string, msg: string): boolean {
  if (!isObject(o)) return false;
  const c = typeof o[code] === 'string' ? o[code] : undefined;
  const m = typeof o[msg] === 'string' ? o[msg] : undefined;
  if (c === undefined && m === undefined) return false;
  if (c !== undefined) out.code = c;
  if (m !== undefined) out.message = m;
  return true;
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
