// The `coverage` collector (contract 4.6): licensed users per tenant, protected (a backup processed them) or not.
// Counts only, never a series per user: `/LicensedUsers` is read at the API's largest page and counted page by
// page, so the users are never all held at once. The counts are kept for inventory_ttl.
import type { Sample } from '../../core/samples';
import { cachedOrAbsent, type CapacityEnv } from './client-capacity';
import { type Coverage, coverageSamples } from './samples-capacity';

export async function collectCoverage(env: CapacityEnv): Promise<Sample[]> {
  const counts = await cachedOrAbsent(env, 'coverage', () => countUsers(env));
  return counts ? coverageSamples(counts) : [];
}

/**
 * Users per tenant: the inventory's name for `organizationId`, else `organizationName`, else no tenant ('').
 * Every organization of the inventory is counted, with 0 when no user names it. A user whose `isBackedUp` is
 * missing or unreadable is neither protected nor unprotected: it is not counted (logged).
 */
async function countUsers(env: CapacityEnv): Promise<Map<string, Coverage>> {
  const names = new Map(env.orgs.map((o) => [o.id, o.name]));
  const counts = new Map<string, Coverage>();
  for (const o of env.orgs) counts.set(o.name, { protected: 0, unprotected: 0 });
  let unknown = 0;
  await env.api.forEachLicensedUser((user) => {
    if (user.backedUp === undefined) {
      unknown++;
      return;
    }
    const inventoryName = user.organizationId === undefined ? undefined : names.get(user.organizationId);
    const tenant = inventoryName ?? user.organizationName ?? '';
    let c = counts.get(tenant);
    if (!c) {
      c = { protected: 0, unprotected: 0 };
      counts.set(tenant, c);
    }
    if (user.backedUp) c.protected++;
    else c.unprotected++;
  });
  if (unknown > 0) env.log.debug({ users: unknown }, 'licensed users without a readable isBackedUp are not counted');
  return counts;
}
