// The JSON a VB365 server of a given REST version answers on its storage, licence, coverage and proxy endpoints
// (RESTBackupRepository, RESTObjectStorageRepositoryComposed, RESTOrganizationStorageSpaceUsage, RESTLicense,
// RESTLicensedUser, RESTOrganizationLicensingInformation, RESTProxy of the v6/v7/v8 OpenAPI documents; before v6
// the v6 shapes). Modes give the odd answers a real server may send.
import type { SimObjectStorage, SimProxy, SimRepository, SimUsage, SimUser } from './capacity-data';
import { dotnetTime } from './data';
import type { ShapeCtx } from './shapes';

export const CAPACITY_MODES = [
  /** A JET repository reports capacity 0 and free space 0. */
  'zero-capacity',
  /** Fields left out: figures, flags, proxy status, licence fields, licence counts, isBackedUp. */
  'missing-fields',
  /** The licence has no expiry and no grace period (null). */
  'no-expiry',
  /** Sizes and counts sent as decimal strings. */
  'string-numbers',
  /** Sizes and counts sent as -1. */
  'negative-numbers',
  /** 403 on `/License` and `/Organizations/{id}/LicensingInformation` (an account without licence rights). */
  'license-forbidden',
  /** v6/v7 usage items without a link to their repository. */
  'no-usage-links',
  /** v8 JET repositories with `objectStorage: null` instead of no `objectStorage`. */
  'null-object-storage',
  /** Some licensed users without `organizationId`, one naming an organization the inventory does not list. */
  'users-without-org-id',
  /** The last repository and the last proxy listed have `id: null` (declared nullable). */
  'null-ids',
] as const;
export type CapacityMode = (typeof CAPACITY_MODES)[number];

export interface CapacityShapeCtx extends ShapeCtx {
  modes: ReadonlySet<CapacityMode>;
}

const link = (c: ShapeCtx, path: string) => ({ href: `${c.version >= 6 ? '' : c.origin}/v${c.version}/${path}` });

/** A size or count as the mode sends it. */
export function num(c: CapacityShapeCtx, n: number | null): number | string | null {
  if (n === null) return null;
  if (c.modes.has('negative-numbers')) return -1;
  return c.modes.has('string-numbers') ? String(n) : n;
}

/** The fields `missing-fields` leaves out of one item. */
function drop(c: CapacityShapeCtx, o: Record<string, unknown>, when: boolean, keys: string[]): Record<string, unknown> {
  if (when && c.modes.has('missing-fields')) for (const k of keys) delete o[k];
  return o;
}

export function repositoryShape(c: CapacityShapeCtx, r: SimRepository): Record<string, unknown> {
  const zero = r.odd === true && c.modes.has('zero-capacity');
  const v8 = c.version >= 8;
  const o: Record<string, unknown> = {
    ...(!v8 ? { objectStorageId: r.storage?.id ?? null } : {}),
    ...(!v8 && r.storage ? { objectStorageCachePath: r.path } : {}),
    objectStorageEncryptionEnabled: r.storage ? false : null,
    encryptionKeyId: null,
    ...(!v8 ? { isOutOfSync: r.outOfSync } : {}),
    capacityBytes: num(c, zero ? 0 : r.capacityBytes),
    freeSpaceBytes: num(c, zero ? 0 : r.freeBytes),
    id: r.id,
    name: r.name,
    description: '',
    path: r.path,
    retentionType: 'SnapshotBased',
    retentionPeriodType: 'Yearly',
    yearlyRetentionPeriod: 'Years3',
    retentionFrequencyType: 'Daily',
    dailyTime: '03:00:00',
    dailyType: 'Everyday',
    proxyId: r.proxyId,
    isLongTerm: false,
    _links: { self: link(c, `BackupRepositories/${r.id}`), proxy: link(c, `Proxies/${r.proxyId}`) },
  };
  if (v8) Object.assign(o, v8Flags(c, r));
  return drop(c, o, r.odd === true, ['capacityBytes', 'freeSpaceBytes', 'isOutOfSync', 'isOutOfOrder', 'isOutdated']);
}

function v8Flags(c: CapacityShapeCtx, r: SimRepository): Record<string, unknown> {
  return {
    proxyPoolId: null,
    organizationId: null,
    isOutdated: false,
    isOutOfSync: r.outOfSync,
    isIndexed: true,
    isMigrationLocked: false,
    isOutOfOrder: r.invalidReason !== undefined,
    outOfOrderReason: r.invalidReason ?? null,
    ...(r.storage
      ? { objectStorage: objectStorageShape(c, r.storage) }
      : c.modes.has('null-object-storage')
        ? { objectStorage: null }
        : {}),
  };
}

/** v8 `objectStorage` (embedded) and the v6/v7 `/objectstoragerepositories` item share these fields. */
export function objectStorageShape(c: CapacityShapeCtx, s: SimObjectStorage): Record<string, unknown> {
  const limited = s.sizeLimitGB !== null;
  const free = limited ? s.sizeLimitGB! * 2 ** 30 - s.usedBytes : null;
  const o: Record<string, unknown> = {
    id: s.id,
    ...(c.version < 8 ? { name: s.name, description: '' } : {}),
    type: s.type,
    accountId: '9d3c1a52-7e1b-4b8e-a0c4-3f2d6e5b7a81',
    sizeLimitEnabled: limited,
    sizeLimitGB: num(c, s.sizeLimitGB),
    usedSpaceBytes: num(c, s.usedBytes),
    // v8: "displayed only if the size limit is set".
    ...(limited || c.version < 8 ? { freeSpaceBytes: num(c, free) } : {}),
    ...(c.version >= 7 ? { enableImmutability: s.immutable } : {}),
    ...(c.version >= 8
      ? { enableImmutabilityGovernanceMode: false, immutabilityPeriodDays: num(c, s.immutable ? 30 : null) }
      : {}),
    ...(s.type === 'AzureBlob' ? { azureFolder: 'vb365' } : { s3Folder: 'vb365' }),
    _links: c.version < 8 ? { self: link(c, `objectstoragerepositories/${s.id}`) } : {},
  };
  return drop(c, o, s.type === 'AmazonS3', ['usedSpaceBytes']);
}

export function usageShape(c: CapacityShapeCtx, u: SimUsage): Record<string, unknown> {
  const object = u.cacheBytes !== null;
  const links: Record<string, { href: string }> = { organization: link(c, `Organizations/${u.orgId}`) };
  if (c.version >= 8 || !c.modes.has('no-usage-links'))
    links.backupRepository = link(c, `BackupRepositories/${u.repoId}`);
  const o: Record<string, unknown> = {
    ...(c.version >= 8 ? { repositoryId: u.repoId } : {}),
    usedSpaceBytes: num(c, object ? u.cacheBytes : u.usedBytes),
    localCacheUsedSpaceBytes: num(c, u.cacheBytes),
    objectStorageUsedSpaceBytes: num(c, object ? u.usedBytes : null),
    isAvailable: true,
    details: '',
    ...(c.version >= 8 ? { protectedObjectsCount: object ? num(c, Math.floor(u.usedBytes / 2 ** 24)) : null } : {}),
    _links: links,
  };
  return drop(c, o, u.odd === true, ['usedSpaceBytes', 'objectStorageUsedSpaceBytes']);
}

export function userShape(c: CapacityShapeCtx, u: SimUser, i: number, lastBackup: number): Record<string, unknown> {
  const noOrgId = c.modes.has('users-without-org-id') && i % 10 === 0;
  const orgName = noOrgId && i % 20 === 0 ? 'former-tenant.onmicrosoft.com' : u.org.name;
  const o: Record<string, unknown> = {
    id: u.id,
    name: u.name,
    isBackedUp: u.backedUp,
    // Not nullable in the documents; the value for a user never backed up is not documented: .NET's MinValue.
    lastBackupDate: u.backedUp ? dotnetTime(lastBackup, c.offsetMinutes) : '0001-01-01T00:00:00',
    licenseState: u.backedUp ? 'Licensed' : 'New',
    organizationId: noOrgId ? null : u.org.id,
    backedUpOrganizationId: `${u.org.id}:backup`,
    organizationName: orgName,
    _links: { self: link(c, `LicensedUsers/${u.id}`), organization: link(c, `Organizations/${u.org.id}`) },
  };
  return drop(c, o, i % 10 === 1, ['isBackedUp']);
}

/** `extended`: v6/v7 `extendedView=true` (v6's default) adds the settings asked from the proxy itself. */
export function proxyShape(c: CapacityShapeCtx, p: SimProxy, extended: boolean): Record<string, unknown> {
  const o: Record<string, unknown> = {
    type: 'Domain',
    useInternetProxy: false,
    internetProxyType: null,
    ...(c.version >= 8 ? { operatingSystem: 'Windows' } : {}),
    id: p.id,
    ...(c.version >= 8 ? { proxyPoolId: null } : {}),
    hostName: p.hostName,
    ...(c.version >= 7 ? { fqdn: p.hostName } : {}),
    description: '',
    port: 9193,
    ...(extended && c.version < 8 ? { threadsNumber: 64 } : {}),
    enableNetworkThrottling: false,
    ...(extended || c.version >= 8 ? { throttlingValue: null, throttlingUnit: null } : {}),
    status: p.status,
    ...(c.version >= 8 ? v8Proxy(c, p) : {}),
    _links: { self: link(c, `Proxies/${p.id}`) },
  };
  return drop(c, o, p.odd === true, ['status']);
}

function v8Proxy(c: CapacityShapeCtx, p: SimProxy): Record<string, unknown> {
  return {
    maintenanceModeState: p.maintenance,
    cpuUsagePercent: num(c, p.cpu),
    memoryUsagePercent: num(c, p.memory),
    version: '8.1.0.305',
    serviceAccount: null,
    role: ['Processor'],
  };
}
