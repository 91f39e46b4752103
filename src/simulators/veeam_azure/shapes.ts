// JSON shapes of the simulated appliance: the page wrapper, Policy / VnetPolicy, JobSession, problem details and
// timestamps with 5, 6 or 7 fractional digits (the appliance's digit count varies).

import type { SimReply, SimRequest } from '../common';
import type { SimPolicy, SimSession } from './data';

/** `2020-02-05T10:48:40.67325Z`: milliseconds plus 2–4 more digits, chosen by `salt`. */
export function timestamp(ms: number, salt: number): string {
  const iso = new Date(ms).toISOString();
  const extra = ['25', '250', '2500'][Math.abs(salt) % 3]!;
  return iso.replace(/Z$/, `${extra}Z`);
}

export interface PageOptions {
  max: number;
  totalCount: boolean;
}

/** `{offset, limit, totalCount, results, _links}`; Limit is capped at `o.max` (absent: default 30; -1: the cap). */
export function page(req: SimRequest, items: unknown[], o: PageOptions): unknown {
  const maxPage = o.max;
  const offset = Math.max(0, Number(req.query.get('Offset') ?? req.query.get('offset') ?? 0) || 0);
  const asked = Number(req.query.get('Limit') ?? req.query.get('limit') ?? 30);
  const limit = Math.min(maxPage, asked < 0 || !Number.isFinite(asked) ? maxPage : asked || 30);
  const results = items.slice(offset, offset + limit);
  const href = (o: number): { href: string } => ({ href: `${req.path}?Offset=${o}&Limit=${limit}` });
  const links: Record<string, { href: string }> = { self: href(offset), first: href(0) };
  if (offset > 0) links.prev = href(Math.max(0, offset - limit));
  if (offset + limit < items.length) links.next = href(offset + limit);
  return { offset, limit, ...(o.totalCount ? { totalCount: items.length } : {}), results, _links: links };
}

export function policyBody(p: SimPolicy, v1: boolean): unknown {
  const common = {
    id: p.id,
    name: p.name,
    isEnabled: p.isEnabled,
    nextExecutionTime: p.nextExecutionTime,
    _links: { self: { href: `/policies/${p.id}` } },
  };
  if (p.family === 'vnet') {
    return {
      ...common,
      autoDiscoverSubscriptions: true,
      isScheduleConfigured: true,
      backupIntervalHours: 6,
      retentionPeriodDays: 30,
    };
  }
  const statuses = v1
    ? {}
    : {
        snapshotStatus: 'Success',
        backupStatus: 'Success',
        archiveStatus: 'NeverExecuted',
        healthCheckStatus: 'NeverExecuted',
      };
  return {
    ...common,
    description: null,
    priority: 1,
    excludedItemsCount: 0,
    tenantId: 'tenant-1',
    serviceAccountId: '5e0b0000-0000-4000-a000-000000000001',
    isBackupConfigured: true,
    isScheduleConfigured: true,
    ...statuses,
  };
}

export function sessionBody(s: SimSession, i: number, v1: boolean): unknown {
  const body: Record<string, unknown> = {
    id: s.id,
    type: s.type,
    localizedType: s.type,
    executionStartTime: timestamp(s.startMs, i),
    executionStopTime: s.stopMs === undefined ? null : timestamp(s.stopMs, i + 1),
    executionDuration: s.duration,
    status: s.status,
    _links: { self: { href: `/jobSessions/${s.id}` } },
  };
  if (s.policyId !== undefined) {
    body.backupJobInfo = {
      policyId: s.policyId,
      policyName: null,
      policyType: null,
      protectedInstancesCount: s.protectedInstancesCount ?? 0,
      policyRemoved: false,
    };
  }
  if (s.type.startsWith('Restore'))
    body.restoreJobInfo = { reason: 'Test restore', backupPolicyDisplayName: 'vm-prod' };
  if (s.type.endsWith('Retention')) body.retentionJobInfo = { deletedRestorePointsCount: 1 };
  if (v1) body.usn = i;
  return body;
}

/** An `application/problem+json` error body. */
export function problem(status: number, title: string, detail?: string): SimReply {
  return {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    body: JSON.stringify({
      type: `https://tools.ietf.org/html/rfc7231#section-6.5.${status === 404 ? 4 : 1}`,
      title,
      status,
      ...(detail ? { detail } : {}),
      traceId: '00-sim-00',
    }),
  };
}
