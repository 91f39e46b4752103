// Decoding repositories, storage usage, the licence and protected workloads (contract 4.4 to 4.6). Byte and
// count fields are read as any non-negative safe integer whatever the document declares (it declares storage
// sizes int32, which real estates pass at 2 GiB); anything else (negative, text, missing) is left out, never 0.
// A body that cannot be what the document describes is a `decode` error naming the path.
import { bool, count, id as idOf, isObject, isoTime, type Json, text } from '../../common/decode';
import { decodeError } from '../../common/errors';
import { snakeCase } from '../../core/samples';

export interface AzureRepository {
  id: string;
  name: string;
  /** `status` as sent; absent when not sent. */
  status?: string;
  /** Label values, snake_case; absent when not sent. */
  type?: string;
  tier?: string;
  immutable?: boolean;
}

export interface AzureRepositories {
  repositories: AzureRepository[];
  /** Records that could not be a repository (no id): reported as a failed item, never guessed. */
  skipped: number;
}

/** Bytes per storage tier label (`hot`, `cool`, `archive`); a tier whose figure is not a size is absent. */
export type StorageUsage = Partial<Record<'hot' | 'cool' | 'archive', number>>;

export interface AzureLicense {
  /** Unix seconds; absent when null (metered and VBR-managed licences). */
  expires?: number;
  /** License units; absent when 0. */
  instances?: number;
  used?: number;
  /** snake_case of `licenseType`. */
  type?: string;
}

export type WorkloadType = 'virtual_machine' | 'sql_database' | 'file_share';
export type Workloads = Partial<Record<WorkloadType, { total?: number; protected?: number }>>;

/**
 * A vendor enum as a label value: lower-case snake_case (`VeeamVault` → `veeam_vault`, `ExternalVbr` →
 * `external_vbr`, `SQLServer` → `sql_server`); undefined for anything that is not a non-empty text.
 */
/** A vendor enum value as a label value (lower-case snake_case). */
export function labelOf(v: unknown): string | undefined {
  const t = text(v);
  return t === undefined ? undefined : snakeCase(t.trim());
}

/** The items of a repository page; a record without id is counted as skipped. */
export function decodeRepositories(items: readonly unknown[]): AzureRepositories {
  const out: AzureRepositories = { repositories: [], skipped: 0 };
  for (const raw of items) {
    const id = isObject(raw) ? idOf(raw.id) : undefined;
    if (!isObject(raw) || id === undefined) {
      out.skipped++;
      continue;
    }
    const repo: AzureRepository = { id, name: text(raw.name) ?? id };
    const status = text(raw.status);
    if (status !== undefined) repo.status = status;
    const type = labelOf(raw.repositoryType);
    if (type !== undefined) repo.type = type;
    const tier = labelOf(raw.storageTier);
    if (tier !== undefined) repo.tier = tier;
    const immutable = bool(raw.immutabilityEnabled);
    if (immutable !== undefined) repo.immutable = immutable;
    out.repositories.push(repo);
  }
  return out;
}

const TIERS = { hot: 'hotUsage', cool: 'coolUsage', archive: 'archiveUsage' } as const;

/** `StorageUsageReport`: a bare object. */
export function decodeStorageUsage(body: unknown, path: string): StorageUsage {
  const o = object(body, path, 'a storage usage report');
  const out: StorageUsage = {};
  for (const [tier, field] of Object.entries(TIERS) as [keyof typeof TIERS, string][]) {
    const bytes = count(o[field]);
    if (bytes !== undefined) out[tier] = bytes;
  }
  return out;
}

/**
 * `LicenseInfo`: a bare object. `totalInstancesUses` is a double in the v8.1 document; v1 and v2 name the same
 * figure `instancesUses` (vendor reference of those versions), read when the newer name is absent.
 */
export function decodeLicense(body: unknown, path: string): AzureLicense {
  const o = object(body, path, 'a licence object');
  const out: AzureLicense = {};
  const expires = isoTime(o.licenseExpires);
  if (expires !== undefined) out.expires = expires;
  const instances = count(o.instances);
  if (instances !== undefined && instances > 0) out.instances = instances;
  // count() keeps fractions: the document declares a double.
  const used = count(o.totalInstancesUses ?? o.instancesUses);
  if (used !== undefined) out.used = used;
  const type = labelOf(o.licenseType);
  if (type !== undefined) out.type = type;
  return out;
}

const WORKLOADS: Record<WorkloadType, string> = {
  virtual_machine: 'virtualMachines',
  sql_database: 'sqlDatabases',
  file_share: 'fileShares',
};

/** `ProtectedWorkloadsReport`: a bare object of `…TotalCount` and `…ProtectedCount` per workload. */
export function decodeWorkloads(body: unknown, path: string): Workloads {
  const o = object(body, path, 'a protected workloads report');
  const out: Workloads = {};
  for (const [type, prefix] of Object.entries(WORKLOADS) as [WorkloadType, string][]) {
    const total = count(o[`${prefix}TotalCount`]);
    const prot = count(o[`${prefix}ProtectedCount`]);
    if (total === undefined && prot === undefined) continue;
    out[type] = {
      ...(total === undefined ? {} : { total }),
      ...(prot === undefined ? {} : { protected: prot }),
    };
  }
  return out;
}

function object(body: unknown, path: string, what: string): Json {
  if (!isObject(body)) throw decodeError(`${path}: expected ${what}`, path);
  return body;
}
