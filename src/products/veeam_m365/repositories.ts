// The `repositories` collector (contract 4.4): capacity, free and used space, state and kind of every backup
// repository, and each organization's use of them. Each listing is kept for inventory_ttl. v6/v7 name the object
// storage of a repository (`objectStorageId`) and give its figures in `/objectstoragerepositories`; v8 embeds
// them. One organization's usage failing, or the object-storage list failing, fails that item only.
import { settleLimit } from '../../common/pool';
import type { PartScope } from '../../core/module';
import type { Sample } from '../../core/samples';
import { cachedOrAbsent, cachedPerOrg, type CapacityEnv } from './client-capacity';
import { isObjectStorage, repositorySamples, sortedUnique, tenantUsageSamples } from './samples-capacity';
import type { ObjectStorageFigures, ObjectStorageItem, TenantUsage, Vb365Repository } from './decode-storage';

export async function collectRepositories(env: CapacityEnv, scope: PartScope): Promise<Sample[]> {
  const repos = sortedUnique(
    (await cachedOrAbsent(env, 'repositories', () => loadRepositories(env))) ?? [],
    (r) => r.name,
  );
  const storages = await objectStorages(env, repos, scope);
  const out: Sample[] = [];
  const objectStorage = new Map<string, boolean>();
  for (const repo of repos) {
    objectStorage.set(repo.id, isObjectStorage(repo));
    for (const s of repositorySamples(repo, storageOf(repo, storages))) out.push(s);
  }
  for (const s of await tenantUsage(env, objectStorage, scope)) out.push(s);
  return out;
}

async function loadRepositories(env: CapacityEnv): Promise<Vb365Repository[]> {
  const repos = await env.api.repositories();
  // Logged when read (once per inventory_ttl), not at every collection.
  for (const r of repos) {
    if (r.outOfOrder === true)
      env.log.debug({ repository: r.name ?? r.id, reason: r.outOfOrderReason }, 'repository is Invalid');
  }
  return repos;
}

function storageOf(repo: Vb365Repository, storages: Map<string, ObjectStorageItem>): ObjectStorageFigures | undefined {
  if (repo.objectStorage) return repo.objectStorage;
  return repo.objectStorageId === undefined ? undefined : storages.get(repo.objectStorageId);
}

/** v6/v7 object storages by id, read only when a repository names one; empty when unknown. */
async function objectStorages(
  env: CapacityEnv,
  repos: readonly Vb365Repository[],
  scope: PartScope,
): Promise<Map<string, ObjectStorageItem>> {
  const byId = new Map<string, ObjectStorageItem>();
  if (env.api.version >= 8 || !repos.some((r) => r.objectStorageId !== undefined)) return byId;
  try {
    const items = (await cachedOrAbsent(env, 'objectstorages', () => env.api.objectStorages())) ?? [];
    for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  } catch (err) {
    // The object-storage repositories keep their state and kind; only their figures are left out.
    scope.itemFailed('object storage repositories', err);
  }
  return byId;
}

/**
 * `backup_tenant_used_bytes` per organization. Organizations sharing a name are one tenant: its series are left
 * out when any of them failed (a partial sum would understate it).
 */
async function tenantUsage(env: CapacityEnv, objectStorage: Map<string, boolean>, scope: PartScope): Promise<Sample[]> {
  const results = await settleLimit(env.orgs, env.concurrency, env.signal, (o) =>
    cachedPerOrg(env, 'usage', o.id, () => env.api.tenantUsage(o.id)),
  );
  const byTenant = new Map<string, TenantUsage[] | undefined>();
  env.orgs.forEach((org, i) => {
    const r = results[i]!;
    if (!r.ok) scope.itemFailed(`organization ${org.name}`, r.error);
    const known = byTenant.has(org.name) ? byTenant.get(org.name) : [];
    byTenant.set(org.name, r.ok && known ? known.concat(r.value) : undefined);
  });
  const out: Sample[] = [];
  for (const [tenant, items] of byTenant) {
    if (items) for (const s of tenantUsageSamples(tenant, items, objectStorage)) out.push(s);
  }
  return out;
}
