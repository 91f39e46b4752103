// Routes of the VB365 storage, licence, coverage and proxy endpoints: bare arrays where v6/v7 have them
// (`BackupRepositories`, `objectstoragerepositories`, `Proxies`), pages in v8 and for usage and licensed users in
// every version, `/objectstoragerepositories` only before v8, 403 on licence data in `license-forbidden`.
import type { SimReply, SimRequest } from '../common';
import type { CapacityData } from './capacity-data';
import {
  type CapacityShapeCtx,
  num,
  objectStorageShape,
  proxyShape,
  repositoryShape,
  usageShape,
  userShape,
} from './capacity-shapes';
import { dotnetTime, type SimOrg } from './data';

/** The server's listing answer: a bare array before version `pagedFrom`, else a page honouring offset/limit. */
export type ListReply = (items: unknown[], pagedFrom: number) => SimReply;

export interface CapacityRouteCtx {
  c: CapacityShapeCtx;
  cap: CapacityData;
  orgs: readonly SimOrg[];
  now: number;
  list: ListReply;
}

const NEVER_PAGED = Number.POSITIVE_INFINITY;
// RESTExceptionInfo: `message` in every version (`errorCode` is v7+ and its values are not documented).
const FORBIDDEN: SimReply = { status: 403, json: { message: 'Access is denied.' } };

export function capacityRoute(req: SimRequest, seg: string[], rc: CapacityRouteCtx): SimReply | undefined {
  const { c, cap, list } = rc;
  const lower = seg.map((s) => s.toLowerCase());
  if (lower[0] === 'organizations' && seg.length === 3) return organizationRoute(seg[1]!, lower[2]!, rc);
  if (seg.length !== 1) return undefined;
  switch (lower[0]) {
    case 'backuprepositories':
      return list(
        nullLastId(
          c,
          cap.repositories.map((r) => repositoryShape(c, r)),
        ),
        8,
      );
    case 'objectstoragerepositories': {
      if (c.version >= 8) return undefined;
      const storages = cap.repositories.flatMap((r) => (r.storage ? [objectStorageShape(c, r.storage)] : []));
      return list(storages, NEVER_PAGED);
    }
    case 'license':
      return c.modes.has('license-forbidden') ? FORBIDDEN : { json: licenseShape(rc) };
    case 'licensedusers':
      return list(users(req, rc), 0);
    case 'proxies': {
      // v6 defaults to the extended view, v7 does not; v8 has no such parameter.
      const extended = (req.query.get('extendedView') ?? String(c.version === 6)).toLowerCase() === 'true';
      return list(
        nullLastId(
          c,
          cap.proxies.map((p) => proxyShape(c, p, extended)),
        ),
        8,
      );
    }
  }
  return undefined;
}

function nullLastId(c: CapacityShapeCtx, items: Array<Record<string, unknown>>): unknown[] {
  const last = items[items.length - 1];
  if (last && c.modes.has('null-ids')) last.id = null;
  return items;
}

function organizationRoute(orgId: string, what: string, rc: CapacityRouteCtx): SimReply | undefined {
  const { c, cap } = rc;
  if (what !== 'usedrepositories' && what !== 'licensinginformation') return undefined;
  if (what === 'licensinginformation' && c.modes.has('license-forbidden')) return FORBIDDEN;
  if (!rc.orgs.some((o) => o.id === orgId)) {
    return { status: 404, json: { message: 'Organization not found.' } };
  }
  if (what === 'usedrepositories') {
    return rc.list(
      cap.usage.filter((u) => u.orgId === orgId).map((u) => usageShape(c, u)),
      0,
    );
  }
  const l = cap.licensing.get(orgId) ?? { licensed: 0, newUsers: 0 };
  const info: Record<string, unknown> = { licensedUsers: num(c, l.licensed), newUsers: num(c, l.newUsers) };
  if (c.modes.has('missing-fields') && orgId === cap.oddOrgId) delete info.licensedUsers;
  return { json: info };
}

/**
 * Every licensed user in the server's order, optionally of one organization (the documented filter). The
 * server's paging only takes `length` and `slice`: users are shaped for the page asked for, not all of them
 * (the benchmark estate has 20,000).
 */
function users(req: SimRequest, rc: CapacityRouteCtx): unknown[] {
  const orgId = req.query.get('organizationId');
  const positions: number[] | undefined = orgId === null ? undefined : [];
  if (positions) for (let i = 0; i < rc.cap.userCount; i++) if (rc.cap.user(i).org.id === orgId) positions.push(i);
  const length = positions?.length ?? rc.cap.userCount;
  const shape = (k: number) => {
    const i = positions ? positions[k]! : k;
    return userShape(rc.c, rc.cap.user(i), i, rc.now - (i % 24) * 3_600_000);
  };
  const slice = (from = 0, to = length) => {
    const out: unknown[] = [];
    for (let k = Math.max(0, from); k < Math.min(to, length); k++) out.push(shape(k));
    return out;
  };
  return { length, slice } as unknown as unknown[];
}

function licenseShape(rc: CapacityRouteCtx): Record<string, unknown> {
  const { c, cap } = rc;
  const lic = cap.license;
  const time = (ms: number) => (c.modes.has('no-expiry') ? null : dotnetTime(ms, c.offsetMinutes));
  let used = 0;
  let newUsers = 0;
  for (const l of cap.licensing.values()) {
    used += l.licensed;
    newUsers += l.newUsers;
  }
  const o: Record<string, unknown> = {
    licenseID: '3c0e7a5e-2d41-4c7b-9f1e-8b6a5d4c3b2a',
    email: 'licensing@contoso.com',
    status: lic.status,
    ...(c.version < 7 ? { expirationDate: time(lic.expires) } : {}),
    ...(c.version >= 7 ? { licenseExpires: time(lic.expires), gracePeriodExpires: time(lic.graceExpires) } : {}),
    type: lic.type,
    ...(c.version >= 7 ? { package: 'None' } : {}),
    licensedTo: 'Contoso Ltd.',
    ...(c.version < 7 ? { contactPerson: 'IT Operations' } : {}),
    totalNumber: num(c, lic.total),
    usedNumber: num(c, used),
    newNumber: num(c, newUsers),
    supportID: '01234567',
    ...(c.version < 7 ? { supportExpirationDate: time(lic.expires) } : {}),
  };
  if (c.modes.has('missing-fields')) {
    for (const k of ['type', 'status', 'totalNumber', 'usedNumber', 'expirationDate', 'licenseExpires']) delete o[k];
  }
  return o;
}
