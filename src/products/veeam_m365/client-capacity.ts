// The endpoints of the storage, licence, coverage and proxy collectors (contract 4.4 to 4.7), on the product's
// client (bearer calls, one re-login on 401, paging through PageGuard). Bare arrays (v6/v7 repositories,
// object storages and proxies) and pages (v8, and every version's usage, licensed users) are both read by the
// client's paging. No metric knowledge here.
import type { Logger } from 'pino';
import { isNotFound } from '../../common/errors';
import type { TtlCache } from '../../core/cache';
import { segment } from '../../http/path';
import type { Query } from '../../http/types';
import type { Vb365Client } from './client';
import type { Vb365Org } from './decode';
import { decodeLicense, decodeLicensedUser, decodeLicensingInformation, type LicensedUser } from './decode-license';
import type { Vb365License } from './decode-license';
import { decodeProxy, type Vb365Proxy } from './decode-proxy';
import {
  decodeObjectStorageItem,
  decodeRepository,
  decodeTenantUsage,
  type ObjectStorageItem,
  type TenantUsage,
  type Vb365Repository,
} from './decode-storage';

/** What the storage, licence, coverage and proxy collectors use in one collection. */
export interface CapacityEnv {
  readonly api: CapacityApi;
  /** The inventory's organizations, sorted by name: the `tenant` of their series. */
  readonly orgs: readonly Vb365Org[];
  /** inventory_ttl: these data change slowly (contract section 2). */
  readonly cache: TtlCache;
  /** Collection start, epoch milliseconds. */
  readonly now: number;
  readonly log: Logger;
  readonly concurrency: number;
  readonly signal: AbortSignal;
}

/** One organization's data, kept for inventory_ttl; a failure is not kept (retried at the next collection). */
export function cachedPerOrg<T>(env: CapacityEnv, what: string, orgId: string, load: () => Promise<T>): Promise<T> {
  return env.cache.get(`${what}:v${env.api.version}:${orgId}`, load, env.now);
}

/**
 * A collection endpoint a server version may lack, kept for inventory_ttl. Its 404 means "no such data" and is
 * kept too, as `null` (nothing is detected again); any other failure is not kept and is retried next time.
 */
export function cachedOrAbsent<T>(env: CapacityEnv, what: string, load: () => Promise<T>): Promise<T | null> {
  const absentOn404 = async (): Promise<T | null> => {
    try {
      return await load();
    } catch (err) {
      if (!isNotFound(err)) throw err;
      env.log.debug({ what }, 'endpoint answered 404: this server has no such data');
      return null;
    }
  };
  return env.cache.get(`${what}:v${env.api.version}`, absentOn404, env.now);
}

export class CapacityApi {
  constructor(
    readonly api: Vb365Client,
    private readonly log: Logger,
  ) {}

  get version(): number {
    return this.api.version;
  }

  private get v(): string {
    return `/v${this.api.version}`;
  }

  /** A listing; items that do not decode (not an object, no id) are skipped and counted in a debug line. */
  private async list<T>(path: string, query: Query, decode: (item: unknown) => T | undefined): Promise<T[]> {
    let skipped = 0;
    const items = await this.api.list(path, query, (item) => {
      const v = decode(item);
      if (v === undefined) skipped++;
      return v;
    });
    if (skipped > 0) this.log.debug({ path, skipped }, 'items without an id or not objects are left out');
    return items;
  }

  repositories(): Promise<Vb365Repository[]> {
    return this.list(`${this.v}/BackupRepositories`, {}, decodeRepository);
  }

  /** v6/v7 (v8 embeds object storage in the repositories and has no such path). */
  objectStorages(): Promise<ObjectStorageItem[]> {
    return this.list(`${this.v}/objectstoragerepositories`, {}, decodeObjectStorageItem);
  }

  tenantUsage(orgId: string): Promise<TenantUsage[]> {
    return this.list(`${this.v}/Organizations/${segment(orgId)}/usedRepositories`, {}, decodeTenantUsage);
  }

  async license(): Promise<Vb365License> {
    const path = `${this.v}/License`;
    return decodeLicense(await this.api.getJson(path), path);
  }

  async licensedUsers(orgId: string): Promise<number | undefined> {
    const path = `${this.v}/Organizations/${segment(orgId)}/LicensingInformation`;
    return decodeLicensingInformation(await this.api.getJson(path), path);
  }

  /** Every licensed user, one page at a time (the largest page the API gives): never all users held at once. */
  forEachLicensedUser(onUser: (user: LicensedUser) => void): Promise<void> {
    return this.api.forEachPage(`${this.v}/LicensedUsers`, {}, (items) => {
      for (const item of items) {
        const user = decodeLicensedUser(item);
        if (user) onUser(user);
      }
    });
  }

  /**
   * v6/v7 answer a bare array and take `extendedView` (`false` skips asking each proxy for its thread and
   * throttling settings, and answers for offline proxies too); v8 pages and has no such parameter.
   */
  proxies(): Promise<Vb365Proxy[]> {
    const query = this.api.version < 8 ? { extendedView: false } : {};
    return this.list(`${this.v}/Proxies`, query, decodeProxy);
  }
}
