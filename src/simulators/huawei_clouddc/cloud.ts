// The CloudDC routes below /v1/{project_id}: marker-paged physical servers in a non-sorted order (or a server
// that ignores paging), one server, and log exports that advance on each status poll, complete (one server's
// fail) and serve archive bytes (at once, or at the pace of a slow or stalling link).
import type { SimReply, SimRequest } from '../common';
import { archiveBytes, exportStatus, formatPercent, type SimExport, type SimServer } from './data';
import { pacedBody } from './pace';
import { json, vendorError, type World } from './world';

/** `parts`: the path segments after /v1. Undefined: no such route. */
export function cloudRoute(w: World, req: SimRequest, parts: string[]): SimReply | undefined {
  const [pid, coll, id, logs, exp, exportId, content] = parts;
  if (pid !== w.projectId || coll !== 'physicalservers') return undefined;
  if (id === undefined) return req.method === 'GET' ? listPage(w, req) : undefined;
  const server = w.byId.get(id);
  if (!server) return vendorError(404, 'CLOUDDC.0404', `server ${id} not found`);
  // The SDK's ShowServerResponse is the server's own fields; `showWrapped` answers `{server: …}` instead.
  if (logs === undefined) return req.method === 'GET' ? json(200, w.showWrapped ? { server } : server) : undefined;
  if (logs !== 'logs' || exp !== 'exports') return undefined;
  if (exportId === undefined) return req.method === 'POST' ? create(w, server) : undefined;
  const e = w.exports.get(`${id}/${exportId}`);
  if (!e) return vendorError(404, 'CLOUDDC.0405', `export ${exportId} not found`);
  if (content === undefined) return poll(w, e);
  return content === 'content' ? archive(w, server, e) : undefined;
}

function listPage(w: World, req: SimRequest): SimReply {
  const asked = Number(req.query.get('limit') ?? 10);
  const limit = Math.min(w.maxLimit, Math.max(10, Number.isFinite(asked) ? asked : 10));
  const marker = req.query.get('marker');
  // Ignores the marker: the first page again, with a marker never seen before.
  if (w.paging === 'repeat-first') return serverPage(w, w.listed.slice(0, limit), `m-${++w.markers}`, marker);
  const start = marker ? w.listed.findIndex((s) => s.id === marker) + 1 : 0;
  if (marker && start === 0) return vendorError(400, 'CLOUDDC.0400', 'invalid marker');
  const page = w.listed.slice(start, start + limit);
  const more = start + limit < w.listed.length;
  // Always names the first page's last server as the next marker.
  if (w.paging === 'stuck-marker') return serverPage(w, page, w.listed[limit - 1]?.id, marker);
  return serverPage(w, page, more ? page[page.length - 1]?.id : undefined, marker);
}

function serverPage(w: World, page: SimServer[], next: string | undefined, marker: string | null): SimReply {
  const pageInfo = {
    current_count: page.length,
    ...(next !== undefined ? { next_marker: next } : {}),
    ...(marker ? { previous_marker: marker } : {}),
  };
  return json(200, { servers: page, page_info: pageInfo, count: w.listed.length });
}

function create(w: World, server: SimServer): SimReply {
  w.counters.creates++;
  const n = (w.nextId.get(server.id) ?? 0) + 1;
  w.nextId.set(server.id, n);
  const index = w.servers.indexOf(server);
  const e: SimExport = {
    serverId: server.id,
    exportId: String(n),
    createdAt: new Date(w.now()).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    polls: 0,
    fails: w.failing.has(server.id),
    percentStyle: (['percent', 'number', 'string'] as const)[index % 3] ?? 'percent',
  };
  w.exports.set(`${server.id}/${e.exportId}`, e);
  return json(202, describe(e));
}

function poll(w: World, e: SimExport): SimReply {
  w.counters.polls++;
  if (exportStatus(e) === 'Running') e.polls++;
  return json(200, describe(e));
}

function archive(w: World, server: SimServer, e: SimExport): SimReply {
  if (exportStatus(e) !== 'completed') return vendorError(400, 'CLOUDDC.0406', 'log export is not completed');
  w.counters.downloads++;
  const bytes = archiveBytes(server.id, e.exportId);
  return {
    status: 200,
    body: w.contentPace ? pacedBody(bytes, w.contentPace) : bytes,
    headers: {
      'content-length': String(bytes.length),
      'content-type': 'application/octet-stream;charset=UTF-8',
      'content-transfer-encoding': 'binary',
      'content-disposition': `attachment; filename=${server.hardware_attributes.sn}-dump.tar.gz`,
    },
  };
}

function describe(e: SimExport) {
  return { export_id: e.exportId, status: exportStatus(e), percentage: formatPercent(e), created_at: e.createdAt };
}
