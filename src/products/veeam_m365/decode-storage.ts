// Decoders of the storage endpoints (contract 4.4): backup repositories (v6/v7 bare arrays that name their object
// storage by `objectStorageId`, v8 pages with `objectStorage` embedded), the v6/v7 object-storage repositories,
// and one organization's usage items. Sizes are read with `count` (any non-negative safe integer, also sent as a
// string): a negative or non-numeric size is left out, never read as 0.
import { bool, count, id as idOf, isObject, text, type Json } from '../../common/decode';

/** One state flag: true, false (also when absent or null: a flag a version lacks), or sent but unreadable. */
export type Flag = boolean | 'unreadable';

export interface ObjectStorageFigures {
  /** `sizeLimitGB` × 2³⁰ when `sizeLimitEnabled`; absent without a limit, or with a limit of 0. */
  capacityBytes?: number;
  freeBytes?: number;
  usedBytes?: number;
  /** `enableImmutability` when given (v7 object-storage items, v8 `objectStorage`). */
  immutable?: boolean;
}

export interface Vb365Repository {
  id: string;
  name?: string;
  /** v8: an object-storage repository (`objectStorage` set), with its figures. */
  objectStorage?: ObjectStorageFigures;
  /** v6/v7: the object storage it extends; its figures come from `/objectstoragerepositories`. */
  objectStorageId?: string;
  /** Top-level figures (a JET repository; the local cache of an object-storage one, never used for it). */
  capacityBytes?: number;
  freeBytes?: number;
  outOfOrder: Flag;
  outOfOrderReason?: string;
  /** `isOutdated`, `isOutOfSync`, `isMigrationLocked`. */
  warnings: Flag[];
}

export interface ObjectStorageItem extends ObjectStorageFigures {
  id: string;
}

/** One item of `/Organizations/{id}/usedRepositories`. */
export interface TenantUsage {
  /** v8 `repositoryId`; v6/v7 from the item's link to its repository, when it has one. */
  repositoryId?: string;
  usedBytes?: number;
  objectStorageUsedBytes?: number;
}

const GIB = 2 ** 30;

function flag(v: unknown): Flag {
  if (v === undefined || v === null) return false;
  return bool(v) ?? 'unreadable';
}

export function decodeObjectStorageFigures(o: Json): ObjectStorageFigures {
  const out: ObjectStorageFigures = {};
  const limitGb = count(o.sizeLimitGB);
  // The documents say "GB" without a base; VB365 sizes are binary (the contract fixes 2^30).
  if (bool(o.sizeLimitEnabled) === true && limitGb !== undefined && limitGb > 0) out.capacityBytes = limitGb * GIB;
  const free = count(o.freeSpaceBytes);
  if (free !== undefined) out.freeBytes = free;
  const used = count(o.usedSpaceBytes);
  if (used !== undefined) out.usedBytes = used;
  const immutable = bool(o.enableImmutability);
  if (immutable !== undefined) out.immutable = immutable;
  return out;
}

/** A repository without an id cannot be told apart from the others and is skipped. */
export function decodeRepository(v: unknown): Vb365Repository | undefined {
  if (!isObject(v)) return undefined;
  const id = idOf(v.id);
  if (!id) return undefined;
  const repo: Vb365Repository = {
    id,
    outOfOrder: flag(v.isOutOfOrder),
    warnings: [flag(v.isOutdated), flag(v.isOutOfSync), flag(v.isMigrationLocked)],
  };
  const name = text(v.name);
  if (name !== undefined) repo.name = name;
  // Whether v8 sends `objectStorage: null` or nothing for a JET repository is not documented: both mean none.
  if (isObject(v.objectStorage)) repo.objectStorage = decodeObjectStorageFigures(v.objectStorage);
  const storageId = idOf(v.objectStorageId);
  if (storageId) repo.objectStorageId = storageId;
  const capacity = count(v.capacityBytes);
  if (capacity !== undefined) repo.capacityBytes = capacity;
  const free = count(v.freeSpaceBytes);
  if (free !== undefined) repo.freeBytes = free;
  const reason = text(v.outOfOrderReason);
  if (reason !== undefined) repo.outOfOrderReason = reason;
  return repo;
}

export function decodeObjectStorageItem(v: unknown): ObjectStorageItem | undefined {
  if (!isObject(v)) return undefined;
  const id = idOf(v.id);
  return id ? { id, ...decodeObjectStorageFigures(v) } : undefined;
}

export function decodeTenantUsage(v: unknown): TenantUsage | undefined {
  if (!isObject(v)) return undefined;
  const out: TenantUsage = {};
  const repositoryId = idOf(v.repositoryId) ?? repositoryIdFromLinks(v._links);
  if (repositoryId) out.repositoryId = repositoryId;
  const used = count(v.usedSpaceBytes);
  if (used !== undefined) out.usedBytes = used;
  const objectUsed = count(v.objectStorageUsedSpaceBytes);
  if (objectUsed !== undefined) out.objectStorageUsedBytes = objectUsed;
  return out;
}

/**
 * The repository a v6/v7 usage item links to. The documents name no link key, so any link whose href addresses
 * `/BackupRepositories/<id>` (relative from v6, absolute before) is taken.
 */
export function repositoryIdFromLinks(links: unknown): string | undefined {
  if (!isObject(links)) return undefined;
  for (const link of Object.values(links)) {
    const href = isObject(link) ? link.href : undefined;
    const m = typeof href === 'string' ? /\/backuprepositories\/([^/?#]+)/i.exec(href) : null;
    if (m?.[1]) return decodeURIComponent(m[1]);
  }
  return undefined;
}
