// From decoded VB365 storage, licence, coverage and proxy records to samples (contract 4.4 to 4.7).
import { sortedByText } from '../../common/order';
import { COMPONENT_STATES, REPOSITORY_STATES, type ComponentState, type RepositoryState } from '../../core/families';
import { labels, type Sample, sample, snakeCase, stateSet } from '../../core/samples';
import type { Vb365License } from './decode-license';
import type { Vb365Proxy } from './decode-proxy';
import type { ObjectStorageFigures, TenantUsage, Vb365Repository } from './decode-storage';

/** A vendor enum as a label value: `VeeamVault` → `veeam_vault`, `AwsPrivateOffer` → `aws_private_offer`. */

/** Items in a stable order (by name, then id), each id once: the output must not depend on the API's order. */
export function sortedUnique<T extends { id: string }>(
  items: readonly T[],
  name: (item: T) => string | undefined,
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of sortedByText(items, (i) => `${name(i) ?? ''}\u0000${i.id}`)) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
  }
  return out;
}

/** `isOutOfOrder` → failed; an unreadable flag → unknown; `isOutdated`/`isOutOfSync`/`isMigrationLocked` → warning. */
export function repositoryState(r: Vb365Repository): RepositoryState {
  if (r.outOfOrder === true) return 'failed';
  const flags = [r.outOfOrder, ...r.warnings];
  if (flags.includes('unreadable')) return 'unknown';
  return r.warnings.includes(true) ? 'warning' : 'ok';
}

export function isObjectStorage(r: Vb365Repository): boolean {
  return r.objectStorage !== undefined || r.objectStorageId !== undefined;
}

/**
 * The series of one repository. An object-storage one takes its figures from its object storage (`storage`;
 * undefined when unknown), never from the top-level figures (its local cache); free space only with a size
 * limit, as the v8 document says. Any other repository: `capacityBytes` and `freeSpaceBytes`, except that a
 * capacity of 0 is no measured volume: then neither is exported.
 */
export function repositorySamples(r: Vb365Repository, storage: ObjectStorageFigures | undefined): Sample[] {
  const l = labels({ repository_id: r.id, repository_name: r.name });
  const objectStorage = isObjectStorage(r);
  const measured = r.capacityBytes !== 0;
  const capacity = objectStorage ? storage?.capacityBytes : measured ? r.capacityBytes : undefined;
  const free = objectStorage
    ? capacity === undefined
      ? undefined
      : storage?.freeBytes
    : measured
      ? r.freeBytes
      : undefined;
  const immutable = objectStorage ? storage?.immutable : undefined;
  const info = labels({
    ...l,
    repository_type: objectStorage ? 'object_storage' : 'local',
    immutable: immutable === undefined ? undefined : String(immutable),
  });
  return [
    ...sample('backup_repository_capacity_bytes', l, capacity),
    ...sample('backup_repository_free_bytes', l, free),
    ...sample('backup_repository_used_bytes', l, objectStorage ? storage?.usedBytes : undefined),
    ...stateSet('backup_repository_status', l, 'state', REPOSITORY_STATES, repositoryState(r)),
    ...sample('backup_repository_info', info, 1),
  ];
}

/**
 * One tenant's use per repository: `objectStorageUsedSpaceBytes` for an object-storage repository, else
 * `usedSpaceBytes`. Items without a repository id are summed into one series without `repository_id`. A
 * repository whose kind is unknown (not in the list) counts as object storage when it sends a positive
 * `objectStorageUsedSpaceBytes`. A group with an item lacking its figure is left out (no partial sums).
 */
export function tenantUsageSamples(
  tenant: string,
  items: readonly TenantUsage[],
  objectStorage: Map<string, boolean>,
): Sample[] {
  const groups = new Map<string, number | undefined>();
  for (const item of items) {
    const key = item.repositoryId ?? '';
    const kind = item.repositoryId === undefined ? undefined : objectStorage.get(item.repositoryId);
    const object = kind ?? (item.objectStorageUsedBytes ?? 0) > 0;
    const figure = object ? item.objectStorageUsedBytes : item.usedBytes;
    const before = groups.has(key) ? groups.get(key) : 0;
    groups.set(key, before === undefined || figure === undefined ? undefined : before + figure);
  }
  return [...groups.keys()].sort().flatMap((key) => {
    const l = labels({ tenant, repository_id: key === '' ? undefined : key });
    return sample('backup_tenant_used_bytes', l, groups.get(key));
  });
}

export function licenseSamples(lic: Vb365License): Sample[] {
  const info = labels({
    license_type: lic.type === undefined ? undefined : snakeCase(lic.type),
    vendor_status: lic.status,
  });
  return [
    ...sample('backup_license_expiry_timestamp_seconds', {}, lic.expiry),
    ...sample('backup_license_grace_expiry_timestamp_seconds', {}, lic.graceExpiry),
    // 0 units is no capacity (licences without a unit count), not a licence that covers nothing.
    ...sample('backup_license_capacity_units', {}, lic.totalUnits === 0 ? undefined : lic.totalUnits),
    ...sample('backup_license_used_units', {}, lic.usedUnits),
    ...(Object.keys(info).length > 0 ? sample('backup_license_info', info, 1) : []),
  ];
}

export interface Coverage {
  protected: number;
  unprotected: number;
}

/** `backup_objects` of licensed users per tenant ('' = a user naming no organization: tenant omitted). */
export function coverageSamples(counts: ReadonlyMap<string, Coverage>): Sample[] {
  return [...counts.keys()].sort().flatMap((tenant) => {
    const c = counts.get(tenant)!;
    const t = tenant === '' ? undefined : tenant;
    return [
      ...sample('backup_objects', labels({ tenant: t, object_type: 'user', protection: 'protected' }), c.protected),
      ...sample('backup_objects', labels({ tenant: t, object_type: 'user', protection: 'unprotected' }), c.unprotected),
    ];
  });
}

/** Maintenance (`Enabled`, `Enabling`) wins; else `status` Online/Offline; anything else is unknown. */
export function componentState(p: Vb365Proxy): ComponentState {
  const maintenance = p.maintenance?.toLowerCase();
  if (maintenance === 'enabled' || maintenance === 'enabling') return 'maintenance';
  const status = p.status?.toLowerCase();
  return status === 'online' ? 'online' : status === 'offline' ? 'offline' : 'unknown';
}

export function proxySamples(p: Vb365Proxy): Sample[] {
  const l = labels({ component_type: 'proxy', component_id: p.id, component_name: p.hostName });
  return [
    ...stateSet('backup_component_status', l, 'state', COMPONENT_STATES, componentState(p)),
    ...sample('backup_component_cpu_ratio', l, p.cpuPercent === undefined ? undefined : p.cpuPercent / 100),
    ...sample('backup_component_memory_ratio', l, p.memoryPercent === undefined ? undefined : p.memoryPercent / 100),
  ];
}
