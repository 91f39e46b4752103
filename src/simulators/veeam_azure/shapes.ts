// JSON shapes of the simulated appliance: the page wrapper with absolute `_links`, JobSession, problem details
// (one shape per status, as the v8.1 document defines them) and timestamps with 5, 6 or 7 fractional digits
// (the appliance's digit count varies).

import type { SimReply, SimRequest } from '../common';
import type { SimPolicy, SimSession } from './data';

/** `2020-02-05T10:48:40.67325Z`: milliseconds plus 2–4 more digits, chosen by `salt`. */
export function timestamp(ms: number, salt: number): string {
  const iso = new Date(ms).toISOString();
  const extra = ['25', '250', '2500'][Math.abs(salt) % 3]!;
  return iso.replace(/Z$/, `${extra}Z`);
}

/** Where `_links` point: `LinkHAL.href` is a `uri`, so links are absolute (`https://host:port/api/v8.1/...`). */
export interface LinkBase {
  /** `https://localhost:port`, known once the server listens. */
  origin: string;
  version: string;
}

export function href(base: LinkBase, path: string): { href: string } {
  return { href: `${base.origin}/api/${base.version}${path}` };
}

export interface PageOptions {
  max: number;
  totalCount: boolean;
}

/**
 * `{offset, limit, totalCount, results, _links}`; Limit is capped at `o.max` (absent: default 30; -1: the cap).
 * `body` shapes only the items of the page (with their index in the whole list).
 */
export function page<T>(
  req: SimRequest,
  items: T[],
  o: PageOptions,
  base: LinkBase,
  body: (item: T, index: number) => unknown = (x) => x,
): unknown {
  const maxPage = o.max;
  const offset = Math.max(0, Number(req.query.get('Offset') ?? req.query.get('offset') ?? 0) || 0);
  const asked = Number(req.query.get('Limit') ?? req.query.get('limit') ?? 30);
  const limit = Math.min(maxPage, asked < 0 || !Number.isFinite(asked) ? maxPage : asked || 30);
  const results = items.slice(offset, offset + limit).map((x, k) => body(x, offset + k));
  const path = req.path.replace(/^\/api\/[^/]+/, '');
  const at = (o: number): { href: string } => href(base, `${path}?Offset=${o}&Limit=${limit}`);
  const links: Record<string, { href: string }> = { self: at(offset), first: at(0) };
  if (offset > 0) links.prev = at(Math.max(0, offset - limit));
  if (offset + limit < items.length) links.next = at(offset + limit);
  return { offset, limit, ...(o.totalCount ? { totalCount: items.length } : {}), results, _links: links };
}

/** A JobSession; `policy` is the policy its backupJobInfo names (undefined: a removed one, type `Unknown`). */
export function sessionBody(s: SimSession, i: number, v1: boolean, base: LinkBase, policy?: SimPolicy): unknown {
  const body: Record<string, unknown> = {
    id: s.id,
    type: s.type,
    localizedType: s.type,
    executionStartTime: timestamp(s.startMs, i),
    executionStopTime: s.stopMs === undefined ? null : timestamp(s.stopMs, i + 1),
    executionDuration: s.duration,
    status: s.status,
    _links: { self: href(base, `/jobSessions/${s.id}`) },
  };
  if (s.policyId !== undefined) {
    body.backupJobInfo = {
      policyId: s.policyId,
      policyName: policy?.name ?? null,
      // PolicyType is not nullable in the document: a policy the appliance no longer knows is `Unknown`.
      policyType: policy?.policyType ?? 'Unknown',
      protectedInstancesCount: s.protectedInstancesCount ?? 0,
      policyRemoved: policy === undefined,
    };
  }
  if (s.type.startsWith('Restore'))
    body.restoreJobInfo = { reason: 'Test restore', backupPolicyDisplayName: 'vm-prod' };
  if (s.type.endsWith('Retention')) body.retentionJobInfo = { deletedRestorePointsCount: 1 };
  if (v1) body.usn = i;
  return body;
}

// The properties each ProblemDetails schema of the v8.1 document allows (additionalProperties: false):
// ProblemDetails401 and ProblemDetails403 have no traceId, ProblemDetails403 has no detail either.
const PROBLEM_FIELDS: Record<number, readonly string[]> = {
  400: ['type', 'title', 'status', 'detail', 'traceId'],
  401: ['type', 'title', 'status', 'detail'],
  403: ['type', 'title', 'status'],
  404: ['type', 'title', 'status', 'detail', 'traceId'],
};
const ALL_FIELDS = ['type', 'title', 'status', 'detail', 'traceId'];

/** An `application/problem+json` error body of a versioned endpoint, in the shape of that status's schema. */
export function problem(status: number, title: string, detail?: string, extra: Record<string, unknown> = {}): SimReply {
  const full: Record<string, unknown> = {
    type: `https://tools.ietf.org/html/rfc7231#section-6.5.${status === 404 ? 4 : status === 403 ? 3 : 1}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    traceId: '00-sim-00',
  };
  const body: Record<string, unknown> = {};
  for (const k of PROBLEM_FIELDS[status] ?? ALL_FIELDS) if (full[k] !== undefined) body[k] = full[k];
  return {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    body: JSON.stringify({ ...body, ...extra }),
  };
}

/** The token endpoint's errors: ProblemDetails400, or ProblemDetailsTraceId for 401 (which has a traceId). */
export function tokenProblem(status: number, title: string, detail: string): SimReply {
  return status === 401 ? problem(401, title, detail, { traceId: '00-sim-00' }) : problem(status, title, detail);
}
