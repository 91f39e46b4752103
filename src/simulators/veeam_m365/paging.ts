// Lists and errors as a VB365 server of a given REST version answers them: bare arrays or pages
// (`PageOf…`: offset, limit, setId, results, _links, totalCount in v6/v7 only), and `RESTExceptionInfo`.
import type { SimReply, SimRequest } from '../common';
import type { ShapeCtx } from './shapes';

/** `RESTExceptionInfo`: `errorCode` is documented from v8 on (v7 knows only `ProxyOffline`, v6 has none). */
export function vendorError(c: ShapeCtx, status: number, message: string, errorCode: string): SimReply {
  return { status, json: { message, ...(c.version >= 8 ? { errorCode } : {}) } };
}

/** A bare array before `pagedFrom`, else a page honouring offset/limit (default 30) with `_links.next`. */
export function list(
  req: SimRequest,
  c: ShapeCtx,
  pagedFrom: number,
  items: unknown[],
  rest: string,
  rc: { opts: { maxLimit?: number; ignoreOffset?: boolean } },
): SimReply {
  if (c.version < pagedFrom) return { json: items };
  if (rc.opts.ignoreOffset) return firstPageForever(c, items, rest, rc.opts.maxLimit ?? 10_000);
  const max = rc.opts.maxLimit ?? 10_000;
  const rawLimit = Number(req.query.get('limit') ?? 30);
  const rawOffset = Number(req.query.get('offset') ?? 0);
  if (!Number.isInteger(rawLimit) || rawLimit < 0 || !Number.isInteger(rawOffset) || rawOffset < 0) {
    return vendorError(c, 400, 'Invalid paging parameters.', 'ParameterValidationFailure');
  }
  const limit = Math.min(rawLimit === 0 ? 30 : rawLimit, max);
  const results = items.slice(rawOffset, rawOffset + limit);
  const base = `${c.version >= 6 ? '' : c.origin}/v${c.version}/${rest}`;
  const extra = [...req.query.entries()]
    .filter(([k]) => k !== 'offset' && k !== 'limit')
    .map(([k, v]) => `&${k}=${encodeURIComponent(v)}`)
    .join('');
  const links: Record<string, { href: string }> = {
    self: { href: `${base}?offset=${rawOffset}&limit=${limit}${extra}` },
  };
  if (rawOffset + limit < items.length)
    links.next = { href: `${base}?offset=${rawOffset + limit}&limit=${limit}${extra}` };
  if (rawOffset > 0) links.prev = { href: `${base}?offset=${Math.max(0, rawOffset - limit)}&limit=${limit}${extra}` };
  return {
    json: {
      offset: rawOffset,
      limit,
      ...(c.version >= 7 ? { setId: '2f4b7c1e-9d3a-4e8b-b1c2-6a5d4e3f2a10' } : {}),
      ...(c.version === 6 || c.version === 7 ? { totalCount: items.length } : {}),
      results,
      _links: links,
    },
  };
}

/** A broken server: whatever the offset, the first page, always with a `next` link. */
function firstPageForever(c: ShapeCtx, items: unknown[], rest: string, limit: number): SimReply {
  const next = { href: `/v${c.version}/${rest}?offset=${limit}&limit=${limit}` };
  return { json: { offset: 0, limit, results: items.slice(0, limit), _links: { next } } };
}
